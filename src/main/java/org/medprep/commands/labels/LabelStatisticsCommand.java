package org.medprep.commands.labels;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.medprep.commands.ImagePlusVolumes;
import org.medprep.commands.Threads;
import org.medprep.core.labels.LabelMap;
import org.medprep.core.labels.LabelStatistics;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Label Statistics", "")}: one row per label. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Labels>Label Statistics",
	description = "A table with one row per label: voxel count, volume in mm3, centroid in mm (patient LPS coordinates) and bounding box in voxels.")
public class LabelStatisticsCommand implements Command {

	@Parameter(label = "Label image", description = "The label map (the active image in ImageJ).")
	private ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT, label = "Statistics")
	private ResultsTable statistics;

	@Override
	public void run() {
		final LabelMap map;
		try {
			map = LabelMap.read(ImagePlusVolumes.toVolume(image));
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + image.getTitle() + "' is not a label map: " + e.getMessage(), e);
		}
		final ResultsTable t = new ResultsTable();
		for (final LabelStatistics.Row r : Threads.call(() -> LabelStatistics.of(map))) {
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
}
