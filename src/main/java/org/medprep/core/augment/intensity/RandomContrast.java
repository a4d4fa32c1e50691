package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A {@link Contrast} with the factor drawn from [min, max] (nnU-Net: [0.75,
 * 1.25], halves around 1, range preserved; MONAI's {@code RandAdjustContrast}
 * is a gamma, see {@link RandomGamma}).
 */
public final class RandomContrast implements RandomIntensityTransform {

	private final double min, max;
	private final FactorSampling sampling;
	private final boolean preserveRange;

	/** @throws IllegalArgumentException unless min &lt;= max */
	public RandomContrast(final double min, final double max, final FactorSampling sampling, final boolean preserveRange) {
		sampling.check("contrast factor", min, max);
		this.min = min;
		this.max = max;
		this.sampling = sampling;
		this.preserveRange = preserveRange;
	}

	@Override
	public Contrast draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		return new Contrast(sampling.draw(random, min, max), preserveRange);
	}
}
