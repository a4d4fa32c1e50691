package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A {@link Motion} drawn as TorchIO's {@code RandomMotion} draws it: k
 * movements, each with three angles uniform in [degrees_min, degrees_max] and
 * three translations uniform in [translation_min, translation_max] (mm), at
 * times {@code i/(k+1)} (i = 1..k) each moved by a uniform amount within
 * &plusmn;30% of the step (TorchIO's {@code perturbation = 0.3}). Drawn in
 * TorchIO's order: all angles, all translations, then the times.
 */
public final class RandomMotion implements RandomIntensityTransform {

	private static final double PERTURBATION = 0.3;

	private final double degreesMin, degreesMax, translationMin, translationMax;
	private final int count;

	/** @throws IllegalArgumentException for empty ranges or fewer than 1 movement */
	public RandomMotion(final double degreesMin, final double degreesMax, final double translationMin, final double translationMax, final int count) {
		if (!(degreesMin <= degreesMax) || !Double.isFinite(degreesMin) || !Double.isFinite(degreesMax))
			throw new IllegalArgumentException("rotation range must satisfy degrees_min <= degrees_max, got [" + degreesMin + ", " + degreesMax + "]");
		if (!(translationMin <= translationMax) || !Double.isFinite(translationMin) || !Double.isFinite(translationMax))
			throw new IllegalArgumentException("translation range must satisfy translation_min <= translation_max, got [" + translationMin + ", " + translationMax + "]");
		if (count < 1 || count > 100) throw new IllegalArgumentException("number of movements must be in [1, 100], got " + count);
		this.degreesMin = degreesMin;
		this.degreesMax = degreesMax;
		this.translationMin = translationMin;
		this.translationMax = translationMax;
		this.count = count;
	}

	@Override
	public Motion draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		final double[][] deg = new double[count][3], mm = new double[count][3];
		for (final double[] row : deg) for (int d = 0; d < 3; d++) row[d] = FactorSampling.uniform(random, degreesMin, degreesMax);
		for (final double[] row : mm) for (int d = 0; d < 3; d++) row[d] = FactorSampling.uniform(random, translationMin, translationMax);
		final double step = 1.0 / (count + 1);
		final double[] times = new double[count];
		for (int i = 0; i < count; i++) times[i] = (i + 1) * step + FactorSampling.uniform(random, -step * PERTURBATION, step * PERTURBATION);
		return new Motion(deg, mm, times);
	}
}
