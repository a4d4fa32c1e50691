package org.medprep.commands.geometry;

import org.medprep.core.Subject;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Shift;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Shift", "shift_x=5 shift_y=0 shift_z=0 interpolation=linear boundary=constant fill=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Shift",
	description = "Translate the content by a distance in mm along the image axes, resampled into the same grid.")
public class ShiftCommand extends InGridTransformCommand {

	@Parameter(label = "Shift x (mm)", description = "Distance along the image x axis in mm.")
	private double shift_x = 5;

	@Parameter(label = "Shift y (mm)", description = "Distance along the image y axis in mm.")
	private double shift_y = 0;

	@Parameter(label = "Shift z (mm)", description = "Distance along the image z axis in mm.")
	private double shift_z = 0;

	@Override
	protected SpatialPlan plan(final Subject in) {
		return new Shift(new double[] { shift_x, shift_y, shift_z }).plan(in.grid());
	}

	@Override
	protected String titleSuffix() {
		return "shifted";
	}
}
