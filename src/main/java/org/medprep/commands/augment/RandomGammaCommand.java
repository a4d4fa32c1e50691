package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.Labels;
import org.medprep.core.augment.intensity.FactorSampling;
import org.medprep.core.augment.intensity.Gamma;
import org.medprep.core.augment.intensity.RandomGamma;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Random Gamma", "gamma_min=0.7 gamma_max=1.5 sampling=[halves around 1 (nnU-Net)] formula=[range (nnU-Net)] invert=true retain_stats=true p=0.1 seed=42")}.
 * The defaults are TorchIO's {@code RandomGamma(log_gamma=(-0.3, 0.3))}.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Gamma",
	description = "Raise intensities to a random power gamma (TorchIO's RandomGamma, nnU-Net's GammaTransform with invert and retain-stats).")
public class RandomGammaCommand extends IntensityAugmentCommand {

	static final String POWER = "power (TorchIO)", RANGE = "range (nnU-Net)";

	@Parameter(label = "Gamma min", description = "Smallest gamma (> 0); TorchIO's log_gamma=(-0.3, 0.3) is 0.740818 to 1.349859.")
	private double gamma_min = 0.740818;

	@Parameter(label = "Gamma max", description = "Largest gamma (>= gamma_min).")
	private double gamma_max = 1.349859;

	@ChoicesOf(value = FactorSampling.class, only = { "LOG_UNIFORM", "UNIFORM", "HALVES_AROUND_ONE" })
	@Parameter(label = "Sampling", choices = { "log-uniform (TorchIO)", "uniform", "halves around 1 (nnU-Net)" },
		description = "How gamma is drawn: log-uniform (TorchIO), uniform, or nnU-Net's: below or above 1 with equal chance, then uniform.")
	private String sampling = FactorSampling.LOG_UNIFORM.label();

	@ChoicesOf(Gamma.Formula.class)
	@Parameter(label = "Formula", choices = { POWER, RANGE },
		description = "power: sign(x)|x|^gamma (TorchIO); range: ((x-min)/range)^gamma * range + min (nnU-Net).")
	private String formula = POWER;

	@Parameter(label = "Invert", description = "Negate the image before and after (nnU-Net's p_invert_image = 1): the curve bends the bright end.")
	private boolean invert = false;

	@Parameter(label = "Retain stats", description = "Restore the image's mean and standard deviation after the power (nnU-Net's p_retain_stats = 1).")
	private boolean retain_stats = false;

	@Override
	protected RandomIntensityTransform transform() {
		final Gamma.Formula f = Labels.parse(Gamma.Formula.class, formula, "formula");
		return new RandomGamma(gamma_min, gamma_max, FactorSampling.fromLabel(sampling), f, invert, retain_stats);
	}

	@Override
	protected String titleSuffix() {
		return "rgamma";
	}
}
