package org.medprep.cli;

import ij.ImagePlus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.medprep.io.ImageFormats;
import org.medprep.commands.Pipeline;
import org.medprep.core.phantom.CtPhantom;
import org.scijava.Context;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code medprep demo}: a synthetic chest CT (stored as ImageJ stores a signed
 * CT: 16-bit raw with a calibration function) through the default CT pipeline,
 * with the outputs and before/after PNG previews written to a folder.
 */
@Command(name = "demo", description = "Generate a CT phantom, run the default CT pipeline on it, write outputs and PNG previews.")
final class DemoCommand implements Callable<Integer> {

	/** The default CT pipeline: remove the scanner padding, then window to the tutorials' [-1000, 400] HU as 0..1. */
	static final String PIPELINE = "// MedPrep demo: CT preprocessing for a segmentation network\n"
		+ "run(\"Replace Padding\", \"padding=-2000 value=-1000\");\n"
		+ "run(\"HU Window\", \"preset=[tutorial range (-1000 to 400)] output=[float 0-1]\");\n";

	@Option(names = { "-o", "--output" }, defaultValue = "medprep-demo", paramLabel = "DIR", description = "Folder for the demo (default: ${DEFAULT-VALUE}).")
	Path dir;

	@Spec
	CommandSpec spec;

	@Override
	public Integer call() throws Exception {
		final Path inputDir = dir.resolve("input"), outputDir = dir.resolve("output"), previewDir = dir.resolve("previews");
		final CtPhantom phantom = CtPhantom.standard();
		Files.createDirectories(inputDir);
		final Path ctFile = inputDir.resolve("ct_phantom.nii.gz");
		ImageFormats.write(phantom.image(), ctFile);
		ImageFormats.write(phantom.labels(), inputDir.resolve("ct_phantom_labels.nii.gz"));
		final ImagePlus ct = ImageFiles.read(ctFile);
		final Path pipelineFile = dir.resolve("pipeline.ijm");
		Files.write(pipelineFile, PIPELINE.getBytes(StandardCharsets.UTF_8));

		final List<Path> written;
		try (Context context = CliContext.create()) {
			written = new PipelineRunner(context, spec.commandLine().getErr()).runCase(Pipeline.parse(PIPELINE, pipelineFile.toString()),
				Case.of(ctFile, org.medprep.io.dicom.DicomLoadOptions.defaults()).get(0),
				Collections.emptyList(), outputDir, "nii.gz");
		}
		final ImagePlus result = ImageFiles.read(written.get(0));
		final Path before = previewDir.resolve("ct_phantom_before.png"), after = previewDir.resolve("ct_phantom_after.png");
		// before: a display range that shows the scanner padding (-2000) apart from air (-1000)
		MidSlicePreview.write(ct, -2000, 400, before);
		MidSlicePreview.write(result, 0, 1, after);

		final java.io.PrintWriter out = spec.commandLine().getOut();
		out.println("MedPrep demo: synthetic CT " + ct.getWidth() + "x" + ct.getHeight() + "x" + ct.getStackSize() + " through " + pipelineFile);
		out.println("  input:    " + ctFile + " (and its label map)");
		for (final Path p : written) out.println("  output:   " + p);
		out.println("  previews: " + before + ", " + after);
		out.println("  history of the output:");
		for (final String line : org.medprep.commands.History.of(result)) out.println("    " + line);
		out.flush();
		return 0;
	}
}
