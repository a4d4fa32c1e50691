package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A {@link Spike} drawn as TorchIO's {@code RandomSpike}: a whole number of
 * spikes uniform in [spikes_min, spikes_max] (TorchIO's {@code num_spikes=1}
 * means 0 or 1), an intensity uniform in [intensity_min, intensity_max]
 * (default 1-3), and each spike's position uniform in [0, 1)^3.
 */
public final class RandomSpike implements RandomIntensityTransform {

	private final int spikesMin, spikesMax;
	private final double intensityMin, intensityMax;

	/** @throws IllegalArgumentException for empty or negative ranges */
	public RandomSpike(final int spikesMin, final int spikesMax, final double intensityMin, final double intensityMax) {
		if (spikesMin < 0 || spikesMax < spikesMin || spikesMax > 1000)
			throw new IllegalArgumentException("spike count range must satisfy 0 <= spikes_min <= spikes_max <= 1000, got [" + spikesMin + ", " + spikesMax + "]");
		if (!(intensityMin <= intensityMax) || !Double.isFinite(intensityMin) || !Double.isFinite(intensityMax))
			throw new IllegalArgumentException("spike intensity range must satisfy intensity_min <= intensity_max, got [" + intensityMin + ", " + intensityMax + "]");
		this.spikesMin = spikesMin;
		this.spikesMax = spikesMax;
		this.intensityMin = intensityMin;
		this.intensityMax = intensityMax;
	}

	@Override
	public Spike draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		final int count = spikesMin + random.nextInt(spikesMax - spikesMin + 1);
		final double intensity = FactorSampling.uniform(random, intensityMin, intensityMax);
		final double[][] positions = new double[count][3];
		for (final double[] p : positions) for (int d = 0; d < 3; d++) p[d] = random.nextDouble();
		return new Spike(positions, intensity);
	}
}
