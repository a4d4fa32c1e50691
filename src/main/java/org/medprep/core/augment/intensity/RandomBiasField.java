package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/** A {@link BiasField} with every coefficient uniform in [min, max] (TorchIO's {@code RandomBiasField(coefficients=0.5, order=3)}: [-0.5, 0.5]). */
public final class RandomBiasField implements RandomIntensityTransform {

	private final int order;
	private final double min, max;

	/** @throws IllegalArgumentException unless order &gt;= 0 and min &lt;= max */
	public RandomBiasField(final int order, final double min, final double max) {
		if (order < 0 || order > 10) throw new IllegalArgumentException("bias field order must be in [0, 10], got " + order);
		if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max))
			throw new IllegalArgumentException("bias coefficient range must satisfy coefficient_min <= coefficient_max, got [" + min + ", " + max + "]");
		this.order = order;
		this.min = min;
		this.max = max;
	}

	@Override
	public BiasField draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		final double[] c = new double[BiasField.coefficientCount(order)];
		for (int i = 0; i < c.length; i++) c[i] = FactorSampling.uniform(random, min, max);
		return new BiasField(order, c);
	}
}
