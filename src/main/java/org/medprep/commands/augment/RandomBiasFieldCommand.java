package org.medprep.commands.augment;

import org.medprep.core.augment.intensity.RandomBiasField;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Bias Field", "order=3 coefficient_min=-0.5 coefficient_max=0.5 p=1 seed=42")}: TorchIO's defaults. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Bias Field",
	description = "Multiply by a smooth MR bias field, exp of a random polynomial of the coordinates (TorchIO's RandomBiasField).")
public class RandomBiasFieldCommand extends IntensityAugmentCommand {

	@Parameter(label = "Order", min = "0", max = "10", description = "Highest total degree of the polynomial (0-10); TorchIO's default 3 has 20 coefficients.")
	private int order = 3;

	@Parameter(label = "Coefficient min", description = "Smallest coefficient; TorchIO's coefficients=0.5 is [-0.5, 0.5].")
	private double coefficient_min = -0.5;

	@Parameter(label = "Coefficient max", description = "Largest coefficient (>= coefficient_min).")
	private double coefficient_max = 0.5;

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomBiasField(order, coefficient_min, coefficient_max);
	}

	@Override
	protected String titleSuffix() {
		return "rbias";
	}
}
