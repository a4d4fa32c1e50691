package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.Labels;
import org.medprep.core.augment.RandomRotate;
import org.medprep.core.augment.RandomSpatialTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Rotate 3D", "max_angle_x=10 max_angle_y=10 max_angle_z=10 mode=[per axis] seed=42 ...")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Rotate 3D",
	description = "Rotate about the centre by random angles in [-max, max] about each axis, or about one random axis (the tutorial's plane).")
public class RandomRotate3DCommand extends AugmentCommand {

	@Parameter(label = "Max angle x (degrees)", min = "0", description = "Largest rotation about x.")
	private double max_angle_x = 10;

	@Parameter(label = "Max angle y (degrees)", min = "0", description = "Largest rotation about y.")
	private double max_angle_y = 10;

	@Parameter(label = "Max angle z (degrees)", min = "0", description = "Largest rotation about z.")
	private double max_angle_z = 10;

	@ChoicesOf(RandomRotate.Mode.class)
	@Parameter(label = "Mode", choices = { "per axis", "one plane" },
		description = "per axis: an angle about every axis; one plane: one random axis (with a non-zero maximum) and one angle.")
	private String mode = "per axis";

	@Override
	protected RandomSpatialTransform transform() {
		final RandomRotate.Mode m = Labels.parse(RandomRotate.Mode.class, mode, "mode");
		return new RandomRotate(new double[] { max_angle_x, max_angle_y, max_angle_z }, m);
	}

	@Override
	protected String titleSuffix() {
		return "rrotate";
	}
}
