package org.medprep.core.augment.intensity;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.SplittableRandom;

/**
 * How a factor (gamma, brightness multiplier, contrast factor) is drawn from
 * {@code [min, max]}.
 * <ul>
 * <li>{@link #UNIFORM}: uniform in [min, max].</li>
 * <li>{@link #LOG_UNIFORM}: {@code exp} of a uniform draw in [ln min, ln max],
 * TorchIO's {@code RandomGamma(log_gamma=(a, b))} with min = e^a, max = e^b
 * (torchio/transforms/augmentation/intensity/random_gamma.py).</li>
 * <li>{@link #HALVES_AROUND_ONE}: nnU-Net's {@code BGContrast}
 * (batchgeneratorsv2/transforms/intensity/contrast.py): a first uniform number
 * below 0.5 (and min &lt; 1) picks [min, 1], otherwise [max(min, 1), max]; so
 * shrinking and growing are equally likely however asymmetric the range.</li>
 * </ul>
 */
public enum FactorSampling implements Labelled {
	UNIFORM("uniform"), LOG_UNIFORM("log-uniform (TorchIO)"), HALVES_AROUND_ONE("halves around 1 (nnU-Net)");

	private final String label;

	FactorSampling(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(FactorSampling.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static FactorSampling fromLabel(final String label) {
		return Labels.parse(FactorSampling.class, label, "sampling");
	}

	/**
	 * @param what names the range in messages (e.g. "gamma")
	 * @throws IllegalArgumentException unless min &lt;= max are finite (and positive for log-uniform)
	 */
	public void check(final String what, final double min, final double max) {
		if (!Double.isFinite(min) || !Double.isFinite(max) || min > max)
			throw new IllegalArgumentException(what + " range must satisfy min <= max (finite), got [" + min + ", " + max + "]");
		if (this == LOG_UNIFORM && !(min > 0)) throw new IllegalArgumentException(what + " range must be positive for log-uniform sampling, got min " + min);
	}

	public double draw(final SplittableRandom random, final double min, final double max) {
		switch (this) {
			case LOG_UNIFORM: return Math.exp(uniform(random, Math.log(min), Math.log(max)));
			case HALVES_AROUND_ONE: {
				final boolean below = random.nextDouble() < 0.5 && min < 1;
				return below ? uniform(random, min, 1) : uniform(random, Math.max(min, 1), max);
			}
			default: return uniform(random, min, max);
		}
	}

	static double uniform(final SplittableRandom random, final double lo, final double hi) {
		return lo + (hi - lo) * random.nextDouble();
	}
}
