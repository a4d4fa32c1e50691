package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.medprep.cli.batch.CaseBoundary;
import org.medprep.cli.batch.CaseFinder;
import org.medprep.cli.batch.CaseOutput;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.CaseResult;
import org.medprep.cli.batch.DicomNaming;
import org.medprep.cli.batch.OutputCollisions;
import org.medprep.cli.batch.OutputSafety;

import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.SlicePlane;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep convert IN OUT}: a DICOM folder (one output per series, with
 * a JSON sidecar, and the label maps of its RTSTRUCTs and SEGs beside it; see
 * {@link DicomConversion}), a NIfTI or MetaImage file, to NIfTI or MetaImage,
 * values and geometry kept. An output equal to, inside or holding the input is
 * refused; a case that cannot be read fails alone.
 */
@Command(name = "convert", description = "Convert a DICOM folder (one output per series with a JSON sidecar, and the label maps of its "
	+ "RTSTRUCTs and SEGs) or an image file to NIfTI or MetaImage.")
final class ConvertCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "IN", description = "A DICOM folder or file, or a .nii/.nii.gz/.hdr/.mha/.mhd file.")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT", description = "An output file (one series) or a folder (any number of series).")
	Path out;

	@Option(names = "--format", defaultValue = "nii.gz", description = "Format of outputs written into a folder: nii.gz, nii, mha (default: ${DEFAULT-VALUE}).")
	String format;

	@Option(names = "--plane", description = "Only DICOM series in this plane: axial, coronal, sagittal or oblique.")
	String plane;

	@Option(names = "--sidecar-identifiers", description = "Also write patient, institution and device identifiers and acquisition dates "
		+ "into the JSON sidecars of DICOM series (left out by default).")
	boolean sidecarIdentifiers;

	@Spec
	CommandSpec spec;

	/** An image file, or a folder with image files in it: converted file by file; anything else is read as DICOM. */
	private static boolean holdsImageFiles(final Path p) throws IOException {
		if (!Files.exists(p)) throw new IOException(p + ": no such file or folder");
		if (Files.isRegularFile(p)) return ImageFiles.extensionOf(p.getFileName().toString()) != null;
		try (java.util.stream.Stream<Path> s = Files.list(p)) {
			return s.anyMatch(ImageFiles::isImageFile);
		}
	}

	@Override
	public Integer call() throws IOException {
		final String fmt = format.startsWith(".") ? format.substring(1) : format;
		if (!ImageFiles.OUTPUT_FORMATS.contains(fmt) || fmt.equals("tif"))
			throw new IllegalArgumentException("unsupported --format '" + format + "' (nii.gz, nii or mha)");
		DicomLoadOptions options = DicomLoadOptions.defaults();
		if (plane != null) options = options.withPlaneFilter(SlicePlane.fromLabel(plane));
		final DicomLoadOptions dicom = options;
		OutputSafety.check(Collections.singletonList(in), out);
		final boolean toFile = ImageFiles.extensionOf(out.getFileName().toString()) != null && !Files.isDirectory(out);
		if (!holdsImageFiles(in)) {
			final int failed = new DicomConversion(in, options, sidecarIdentifiers, spec.commandLine().getOut(), spec.commandLine().getErr())
				.run(toFile ? out : null, out, fmt);
			spec.commandLine().getOut().flush();
			return failed == 0 ? 0 : MedPrepCli.EXIT_FAILURES;
		}
		final CaseFinder.Found found = CaseFinder.find(Collections.singletonList(in), DicomNaming.SERIES, dicom);
		if (!found.problems().isEmpty()) throw new IOException(found.problems().get(0));
		final List<CaseRef> cases = found.cases();
		final List<Path> caseFiles = new ArrayList<>();
		for (final CaseRef c : cases) for (final String f : c.files()) caseFiles.add(Path.of(f));
		OutputSafety.check(caseFiles, out);
		if (toFile && cases.size() > 1)
			throw new IllegalArgumentException(in + " holds " + cases.size() + " series: give an output folder, not a file");
		OutputCollisions.check(cases, c -> Collections.singletonList(toFile ? out.getFileName().toString() : c.name() + "." + fmt));
		final List<String> failures = new ArrayList<>();
		for (final CaseRef c : cases) {
			final Path target = toFile ? out : out.resolve(c.name() + "." + fmt);
			final CaseResult r = CaseBoundary.run(c, ref -> {
				final List<Volume<?>> volumes = Case.of(ref, dicom).volumes();
				Files.createDirectories(target.toAbsolutePath().getParent());
				if (volumes.size() == 1) ImageFormats.write(volumes.get(0), target);
				else ImageFormats.writeAll(volumes, target, org.medprep.io.storage.StoredType.KEEP);
				return new CaseOutput(Collections.singletonList(target.toString()), Collections.emptyMap());
			});
			if (r.status() == CaseResult.Status.DONE) spec.commandLine().getOut().println(c + " -> " + target);
			else {
				failures.add(c + ": " + r.error());
				spec.commandLine().getErr().println("FAILED " + c + ": " + r.error());
			}
		}
		spec.commandLine().getOut().flush();
		return failures.isEmpty() ? 0 : MedPrepCli.EXIT_FAILURES;
	}
}
