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
 * {@code medprep convert IN OUT}: a DICOM folder (one output per series), a
 * NIfTI or MetaImage file, to NIfTI or MetaImage, values and geometry kept.
 * An output equal to or inside the input is refused; a series that cannot be
 * read fails alone.
 */
@Command(name = "convert", description = "Convert a DICOM folder (one output per series) or an image file to NIfTI or MetaImage.")
final class ConvertCommand implements Callable<Integer> {

	@Parameters(index = "0", paramLabel = "IN", description = "A DICOM folder or file, or a .nii/.nii.gz/.hdr/.mha/.mhd file.")
	Path in;

	@Parameters(index = "1", paramLabel = "OUT", description = "An output file (one series) or a folder (any number of series).")
	Path out;

	@Option(names = "--format", defaultValue = "nii.gz", description = "Format of outputs written into a folder: nii.gz, nii, mha (default: ${DEFAULT-VALUE}).")
	String format;

	@Option(names = "--plane", description = "Only DICOM series in this plane: axial, coronal, sagittal or oblique.")
	String plane;

	@Option(names = "--dicom-names", defaultValue = "series", paramLabel = "series|description|folder",
		description = "How DICOM series are named: series (number, modality, UID digest; default), description (adds the series description), "
			+ "folder (the folder name). Descriptions and folder names can hold patient data.")
	String dicomNames;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws IOException {
		final String fmt = format.startsWith(".") ? format.substring(1) : format;
		if (!ImageFiles.OUTPUT_FORMATS.contains(fmt) || fmt.equals("tif"))
			throw new IllegalArgumentException("unsupported --format '" + format + "' (nii.gz, nii or mha)");
		DicomLoadOptions options = DicomLoadOptions.defaults();
		if (plane != null) options = options.withPlaneFilter(SlicePlane.fromLabel(plane));
		final DicomLoadOptions dicom = options;
		OutputSafety.check(Collections.singletonList(in), out);
		final CaseFinder.Found found = CaseFinder.find(Collections.singletonList(in), DicomNaming.fromLabel(dicomNames), dicom);
		if (!found.problems().isEmpty()) throw new IOException(found.problems().get(0));
		final List<CaseRef> cases = found.cases();
		final List<Path> caseFiles = new ArrayList<>();
		for (final CaseRef c : cases) for (final String f : c.files()) caseFiles.add(Path.of(f));
		OutputSafety.check(caseFiles, out);
		final boolean toFile = ImageFiles.extensionOf(out.getFileName().toString()) != null && !Files.isDirectory(out);
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
				else ImageFormats.writeAll(volumes, target, org.medprep.io.StoredType.KEEP);
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
