package org.medprep.commands.geometry;

import org.medprep.core.Subject;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Rotate;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Rotate", "angle_x=0 angle_y=0 angle_z=15 interpolation=linear boundary=constant fill=-1000")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Rotate",
	description = "Rotate the content about the volume centre (degrees about the image's x, then y, then z axis, in mm), resampled into the same grid.")
public class RotateCommand extends InGridTransformCommand {

	@Parameter(label = "Angle about x (degrees)", description = "Right-handed rotation about the image x axis.")
	private double angle_x = 0;

	@Parameter(label = "Angle about y (degrees)", description = "Right-handed rotation about the image y axis.")
	private double angle_y = 0;

	@Parameter(label = "Angle about z (degrees)", description = "Right-handed rotation about the image z axis (+90 turns +x into +y).")
	private double angle_z = 15;

	@Override
	protected SpatialPlan plan(final Subject in) {
		return new Rotate(angle_x, angle_y, angle_z).plan(in.grid());
	}

	@Override
	protected String titleSuffix() {
		return "rotated";
	}
}
