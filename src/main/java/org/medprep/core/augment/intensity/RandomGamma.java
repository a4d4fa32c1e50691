package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A {@link Gamma} with gamma drawn from [min, max]: TorchIO's
 * {@code RandomGamma} is {@link FactorSampling#LOG_UNIFORM} with
 * {@link Gamma.Formula#POWER} ({@code log_gamma=(-0.3, 0.3)} is
 * [0.7408, 1.3499]); nnU-Net's {@code GammaTransform} is
 * {@link FactorSampling#HALVES_AROUND_ONE} in [0.7, 1.5] with
 * {@link Gamma.Formula#RANGE}, retaining the statistics, with or without
 * inversion.
 */
public final class RandomGamma implements RandomIntensityTransform {

	private final double min, max;
	private final FactorSampling sampling;
	private final Gamma.Formula formula;
	private final boolean invert, retainStats;

	/** @throws IllegalArgumentException unless 0 &lt; min &lt;= max */
	public RandomGamma(final double min, final double max, final FactorSampling sampling, final Gamma.Formula formula, final boolean invert,
		final boolean retainStats)
	{
		sampling.check("gamma", min, max);
		if (!(min > 0)) throw new IllegalArgumentException("gamma_min must be > 0, got " + min);
		this.min = min;
		this.max = max;
		this.sampling = sampling;
		this.formula = formula;
		this.invert = invert;
		this.retainStats = retainStats;
	}

	@Override
	public Gamma draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		return new Gamma(sampling.draw(random, min, max), formula, invert, retainStats);
	}
}
