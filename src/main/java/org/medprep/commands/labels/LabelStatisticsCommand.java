package org.medprep.commands.labels;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.labels.LabelStatistics;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Label Statistics", "")}: one row per label of the image, or of
 * the label map {@code label} names ({@code label=seg}: in a pipeline, the
 * case's {@code --label seg} member).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Labels>Label Statistics",
	description = "A table with one row per label: voxel count, volume in mm3, centroid in mm (patient LPS coordinates) and bounding box in voxels.")
public class LabelStatisticsCommand extends OpenImagesCommand {

	public static final String THIS_IMAGE = "this image";

	@Parameter(label = "Image", persist = false, validater = "checkImage", description = "The label map, unless another is named (the active image in ImageJ).")
	private ImagePlus image;

	/** Refuses an empty image (what Fiji passes when none is open) before any work. */
	private void checkImage() {
		InputChecks.refuse(this, InputChecks.image(image));
	}

	@Parameter(label = "Label map", initializer = "initLabel", persist = false,
		description = "'this image', or the title of a label map (in a pipeline: a --label member of the case).")
	private String label = THIS_IMAGE;

	@Parameter(type = ItemIO.OUTPUT, label = "Statistics")
	private ResultsTable statistics;

	protected void initLabel() {
		offerImageTitles("label", image, THIS_IMAGE);
	}

	@Override
	protected void execute() {
		final ImagePlus labels = labelImage();
		final LabelMap map = LabelMapCommand.read(labels.getTitle(), ImagePlusVolumes.toVolume(labels));
		final ResultsTable t = new ResultsTable();
		for (final LabelStatistics.Row r : Threads.call(getContext(), () -> LabelStatistics.of(map), progress)) {
			t.incrementCounter();
			t.addValue("label", r.label());
			t.addValue("voxels", r.voxels());
			t.addValue("volume_mm3", r.volumeMm3());
			final double[] c = r.centroidMm();
			t.addValue("centroid_x_mm", c[0]);
			t.addValue("centroid_y_mm", c[1]);
			t.addValue("centroid_z_mm", c[2]);
			for (int d = 0; d < 3; d++) t.addValue("min_" + "xyz".charAt(d), r.min()[d]);
			for (int d = 0; d < 3; d++) t.addValue("max_" + "xyz".charAt(d), r.max()[d]);
		}
		statistics = t;
	}

	private ImagePlus labelImage() {
		if (label == null || label.isEmpty() || THIS_IMAGE.equals(label)) return image;
		return imageTitled(label);
	}
}
