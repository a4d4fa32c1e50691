package org.medprep.commands.augment;

import org.medprep.core.augment.RandomShift;
import org.medprep.core.augment.RandomSpatialTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Shift", "fraction_x=0.1 fraction_y=0.1 fraction_z=0 seed=42 ...")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Shift",
	description = "Shift by a random fraction in [-f, f] of the image extent along each axis.")
public class RandomShiftCommand extends AugmentCommand {

	@Parameter(label = "Fraction x", min = "0", max = "1", description = "Largest shift along x as a fraction of the extent.")
	private double fraction_x = 0.1;

	@Parameter(label = "Fraction y", min = "0", max = "1", description = "Largest shift along y as a fraction of the extent.")
	private double fraction_y = 0.1;

	@Parameter(label = "Fraction z", min = "0", max = "1", description = "Largest shift along z as a fraction of the extent.")
	private double fraction_z = 0;

	@Override
	protected RandomSpatialTransform transform() {
		return new RandomShift(new double[] { fraction_x, fraction_y, fraction_z });
	}

	@Override
	protected String titleSuffix() {
		return "rshift";
	}
}
