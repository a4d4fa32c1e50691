package org.medprep.cli;

import ij.ImagePlus;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import org.medprep.commands.engine.Pipeline;
import org.medprep.io.ImageFormats;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.io.storage.AtomicFiles;
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

	/**
	 * The default CT pipeline: remove the scanner padding, resample to 1.5 mm and draw one random
	 * rotation (the label map follows both, never interpolated), then window to the tutorials'
	 * [-1000, 400] HU as 0..1.
	 */
	static final String PIPELINE = "// MedPrep demo: CT preprocessing and one augmentation draw for a segmentation network\n"
		+ "run(\"Replace Padding\", \"padding=-2000 value=-1000\");\n"
		+ "run(\"Resample to Spacing\", \"spacing_x=1.5 spacing_y=1.5 spacing_z=2.5 interpolation=linear label=labels\");\n"
		+ "run(\"Random Affine\", \"seed=42 scale_min=1 scale_max=1 degrees_x=0 degrees_y=0 degrees_z=15 fill=-1000 label=labels\");\n"
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
		final Path labelFile = inputDir.resolve("ct_phantom_labels.nii.gz");
		ImageFormats.write(phantom.labels(), labelFile);
		final ImagePlus ct = ImageFiles.read(ctFile);
		final Path pipelineFile = dir.resolve("pipeline.ijm");
		AtomicFiles.write(pipelineFile, PIPELINE.getBytes(StandardCharsets.UTF_8));

		final List<Path> written;
		try (Context context = CliContext.create()) {
			written = new CaseRunner(context, Pipeline.parse(PIPELINE, pipelineFile.toString()), "nii.gz", true).run(
				Case.of(ctFile, org.medprep.io.dicom.DicomLoadOptions.defaults()).get(0),
				Collections.singletonList(new MemberSource("labels", MemberSource.Role.LABEL, labelFile)), outputDir);
		}
		final ImagePlus result = ImageFiles.read(written.get(0));
		final Path before = previewDir.resolve("ct_phantom_before.png"), after = previewDir.resolve("ct_phantom_after.png"),
			labelsAfter = previewDir.resolve("ct_phantom_labels_after.png");
		// before: a display range that shows the scanner padding (-2000) apart from air (-1000)
		MidSlicePreview.write(ct, -2000, 400, before);
		MidSlicePreview.write(result, 0, 1, after);
		MidSlicePreview.write(ImageFiles.read(outputDir.resolve("labels").resolve("ct_phantom.nii.gz")), 0, CtPhantom.LABEL_BONE, labelsAfter);

		final java.io.PrintWriter out = spec.commandLine().getOut();
		out.println("MedPrep demo: synthetic CT " + ct.getWidth() + "x" + ct.getHeight() + "x" + ct.getStackSize() + " through " + pipelineFile);
		out.println("  input:    " + ctFile + ", " + labelFile);
		for (final Path p : written) out.println("  output:   " + p);
		out.println("  previews: " + before + ", " + after + ", " + labelsAfter);
		out.println("  history of the output:");
		for (final String line : org.medprep.commands.imagej.HistoryStore.of(result).lines()) out.println("    " + line);
		out.flush();
		return 0;
	}
}
