package org.medprep.commands.augment;

import org.medprep.core.augment.RandomFlip;
import org.medprep.core.augment.RandomSpatialTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Flip", "probability_x=0.5 probability_y=0 probability_z=0 seed=42 label=None ...")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Flip",
	description = "Flip each axis with its own probability; a label image gets the same flips.")
public class RandomFlipCommand extends AugmentCommand {

	@Parameter(label = "Probability x", min = "0", max = "1", description = "Probability of flipping along x, in [0, 1].")
	private double probability_x = 0.5;

	@Parameter(label = "Probability y", min = "0", max = "1", description = "Probability of flipping along y, in [0, 1].")
	private double probability_y = 0;

	@Parameter(label = "Probability z", min = "0", max = "1", description = "Probability of flipping along z, in [0, 1].")
	private double probability_z = 0;

	@Override
	protected RandomSpatialTransform transform() {
		return new RandomFlip(probability_x, probability_y, probability_z);
	}

	@Override
	protected String titleSuffix() {
		return "rflip";
	}
}
