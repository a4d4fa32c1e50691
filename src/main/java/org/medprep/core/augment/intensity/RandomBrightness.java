package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/** A {@link Brightness} with the multiplier drawn from [min, max] (nnU-Net: [0.75, 1.25], halves around 1). */
public final class RandomBrightness implements RandomIntensityTransform {

	private final double min, max;
	private final FactorSampling sampling;

	/** @throws IllegalArgumentException unless min &lt;= max */
	public RandomBrightness(final double min, final double max, final FactorSampling sampling) {
		sampling.check("brightness multiplier", min, max);
		this.min = min;
		this.max = max;
		this.sampling = sampling;
	}

	@Override
	public Brightness draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		return new Brightness(sampling.draw(random, min, max));
	}
}
