package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.augment.intensity.FactorSampling;
import org.medprep.core.augment.intensity.RandomBrightness;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Brightness", "min=0.75 max=1.25 sampling=[halves around 1 (nnU-Net)] p=0.15 seed=42")}: nnU-Net's defaults. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Brightness",
	description = "Multiply all intensities by a random factor (nnU-Net's MultiplicativeBrightnessTransform, MONAI's RandScaleIntensity).")
public class RandomBrightnessCommand extends IntensityAugmentCommand {

	@Parameter(label = "Min multiplier", description = "Smallest multiplier.")
	private double min = 0.75;

	@Parameter(label = "Max multiplier", description = "Largest multiplier (>= min).")
	private double max = 1.25;

	@ChoicesOf(value = FactorSampling.class, only = { "HALVES_AROUND_ONE", "UNIFORM", "LOG_UNIFORM" })
	@Parameter(label = "Sampling", choices = { "halves around 1 (nnU-Net)", "uniform", "log-uniform (TorchIO)" },
		description = "How the multiplier is drawn: nnU-Net's (below or above 1 with equal chance, then uniform), uniform, or log-uniform.")
	private String sampling = FactorSampling.HALVES_AROUND_ONE.label();

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomBrightness(min, max, FactorSampling.fromLabel(sampling));
	}

	@Override
	protected String titleSuffix() {
		return "rbright";
	}
}
