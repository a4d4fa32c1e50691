package org.medprep.commands.geometry;

import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.spatial.CropToForeground;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Crop to Foreground", "foreground=[this image above threshold] threshold=-500 label_value=0 margin=10")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Crop to Foreground",
	description = "Crop to the bounding box of the foreground plus a margin in mm: voxels of this image above a threshold, or a label of a label image.")
public class CropToForegroundCommand extends GeometryCommand {

	public static final String THIS_IMAGE = "this image above threshold";

	@Parameter(label = "Foreground", initializer = "initForeground", persist = false,
		description = "'this image above threshold', or the title of a label image on the same grid.")
	private String foreground = THIS_IMAGE;

	@Parameter(label = "Threshold", description = "With this image: voxels above this value are foreground (e.g. -500 HU for the body).")
	private double threshold = 0;

	@Parameter(label = "Label", description = "With a label image: this label is foreground; 0 means any non-zero label.")
	private double label_value = 0;

	@Parameter(label = "Margin (mm)", min = "0", description = "Kept around the foreground box, in mm (rounded up to whole voxels).")
	private double margin = 0;

	protected void initForeground() {
		offerImageTitles("foreground", THIS_IMAGE);
	}

	@Override
	protected SpatialPlan plan(final Subject in) {
		final Volume<? extends RealType<?>> image = in.main();
		if (THIS_IMAGE.equals(foreground)) return new CropToForeground(CropToForeground.Criterion.ABOVE_THRESHOLD, threshold, margin).plan(image);
		final Volume<? extends RealType<?>> map = named(in, foreground);
		if (!Grid.of(map).sameSpace(in.grid()))
			throw new IllegalArgumentException("label image '" + foreground + "' is not on the image's grid");
		final CropToForeground.Criterion c = label_value == 0 ? CropToForeground.Criterion.NON_ZERO : CropToForeground.Criterion.LABEL_EQUALS;
		return new CropToForeground(c, label_value, margin).plan(map.withGeometry(image.geometry()));
	}

	@Override
	protected Sampling sampling() {
		return Sampling.labels();
	}

	@Override
	protected String titleSuffix() {
		return "foreground";
	}
}
