package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.augment.intensity.Noise;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.medprep.core.augment.intensity.RandomNoise;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Noise", "distribution=Gaussian mean=0 sigma_min=0 sigma_max=0.1 relative_to=none p=0.1 seed=42")}: nnU-Net's noise. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Noise",
	description = "Add Gaussian or Rician noise with a random standard deviation (TorchIO's RandomNoise, MONAI's RandGaussianNoise/RandRicianNoise).")
public class RandomNoiseCommand extends IntensityAugmentCommand {

	@ChoicesOf(Noise.Distribution.class)
	@Parameter(label = "Distribution", choices = { "Gaussian", "Rician" },
		description = "Gaussian: x + n; Rician: sqrt((x + n1)^2 + n2^2), the magnitude of a noisy complex MR signal.")
	private String distribution = Noise.Distribution.GAUSSIAN.label();

	@Parameter(label = "Mean", description = "Mean of the noise (0 for unbiased noise).")
	private double mean = 0;

	@Parameter(label = "Sigma min", description = "Smallest standard deviation (>= 0), in intensity units or relative (see relative_to).")
	private double sigma_min = 0;

	@Parameter(label = "Sigma max", description = "Largest standard deviation (>= sigma_min); TorchIO's default is 0.25.")
	private double sigma_max = 0.25;

	@ChoicesOf(RandomNoise.RelativeTo.class)
	@Parameter(label = "Relative to", choices = { "none", "image std", "foreground std" },
		description = "none: sigma in intensity units; image std: times the image's standard deviation (MONAI's relative); foreground std: of its voxels > 0.")
	private String relative_to = RandomNoise.RelativeTo.NONE.label();

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomNoise(Noise.Distribution.fromLabel(distribution), mean, sigma_min, sigma_max, RandomNoise.RelativeTo.fromLabel(relative_to));
	}

	@Override
	protected String titleSuffix() {
		return "rnoise";
	}
}
