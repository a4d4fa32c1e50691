package org.medprep.commands.geometry;

import org.medprep.core.Volume;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Shift;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Shift", "shift_x=5 shift_y=0 shift_z=0 interpolation=linear boundary=constant fill=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Shift",
	description = "Translate the content by a distance in mm along the image axes, resampled into the same grid.")
public class ShiftCommand extends GeometryCommand {

	@Parameter(label = "Shift x (mm)", description = "Distance along the image x axis in mm.")
	private double shift_x = 5;

	@Parameter(label = "Shift y (mm)", description = "Distance along the image y axis in mm.")
	private double shift_y = 0;

	@Parameter(label = "Shift z (mm)", description = "Distance along the image z axis in mm.")
	private double shift_z = 0;

	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "nearest or label for label maps; linear or cubic B-spline for images.")
	private String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Boundary", choices = { "constant", "nearest", "mirror", "constant outside the voxel box" },
		description = "What lies beyond the input: the fill value (scipy), the edge value, a mirror image, or the edge value within the voxel box and the fill value beyond (ITK).")
	private String boundary = "constant";

	@Parameter(label = "Fill value", description = "Value outside the input for the constant boundary.")
	private double fill = 0;

	@Override
	protected SpatialPlan plan(final Volume<? extends RealType<?>> in) {
		return new Shift(new double[] { shift_x, shift_y, shift_z }).plan(Grid.of(in));
	}

	@Override
	protected Sampling sampling() {
		return ResamplingOptions.of(interpolation, boundary, fill);
	}

	@Override
	protected String titleSuffix() {
		return "shifted";
	}
}
