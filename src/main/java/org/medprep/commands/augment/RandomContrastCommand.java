package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.augment.intensity.FactorSampling;
import org.medprep.core.augment.intensity.RandomContrast;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Contrast", "min=0.75 max=1.25 sampling=[halves around 1 (nnU-Net)] preserve_range=true p=0.15 seed=42")}: nnU-Net's defaults. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Contrast",
	description = "Scale intensities about their mean by a random factor, optionally clamped to the input's range (nnU-Net's ContrastTransform).")
public class RandomContrastCommand extends IntensityAugmentCommand {

	@Parameter(label = "Min factor", description = "Smallest contrast factor.")
	private double min = 0.75;

	@Parameter(label = "Max factor", description = "Largest contrast factor (>= min).")
	private double max = 1.25;

	@ChoicesOf(value = FactorSampling.class, only = { "HALVES_AROUND_ONE", "UNIFORM", "LOG_UNIFORM" })
	@Parameter(label = "Sampling", choices = { "halves around 1 (nnU-Net)", "uniform", "log-uniform (TorchIO)" },
		description = "How the factor is drawn: nnU-Net's (below or above 1 with equal chance, then uniform), uniform, or log-uniform.")
	private String sampling = FactorSampling.HALVES_AROUND_ONE.label();

	@Parameter(label = "Preserve range", description = "Clamp the result to the input's minimum and maximum (nnU-Net's preserve_range).")
	private boolean preserve_range = true;

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomContrast(min, max, FactorSampling.fromLabel(sampling), preserve_range);
	}

	@Override
	protected String titleSuffix() {
		return "rcontrast";
	}
}
