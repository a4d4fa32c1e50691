package org.medprep.core.augment.intensity;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.SplittableRandom;

import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.segment.MaskRule;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.type.numeric.RealType;

/**
 * {@link Noise} with its standard deviation drawn uniformly from [min, max]
 * (TorchIO's {@code RandomNoise(std=(a, b))}, nnU-Net's {@code noise_variance=(0, 0.1)},
 * MONAI's {@code RandRicianNoise(std, sample_std=True)} is [0, std]), in
 * intensity units or relative to the image's standard deviation (MONAI's
 * {@code relative=True}) or to the standard deviation of its foreground
 * (voxels &gt; 0), so one setting suits scans of any scale. The drawn sigma is
 * recorded in absolute units.
 */
public final class RandomNoise implements RandomIntensityTransform {

	public enum RelativeTo implements Labelled {
		NONE("none"), IMAGE_STD("image std"), FOREGROUND_STD("foreground std");

		private final String label;

		RelativeTo(final String label) { this.label = label; }

		@Override
		public String label() { return label; }

		public static String[] labels() {
			return Labels.of(RelativeTo.class).toArray(new String[0]);
		}

		/** @throws IllegalArgumentException naming the choices */
		public static RelativeTo fromLabel(final String label) {
			return Labels.parse(RelativeTo.class, label, "relative_to");
		}
	}

	private final Noise.Distribution distribution;
	private final double mean, min, max;
	private final RelativeTo relativeTo;

	/** @throws IllegalArgumentException unless 0 &lt;= min &lt;= max */
	public RandomNoise(final Noise.Distribution distribution, final double mean, final double min, final double max, final RelativeTo relativeTo) {
		if (!(min >= 0) || !(min <= max) || !Double.isFinite(max))
			throw new IllegalArgumentException("noise sigma range must satisfy 0 <= sigma_min <= sigma_max, got [" + min + ", " + max + "]");
		if (!Double.isFinite(mean)) throw new IllegalArgumentException("noise mean must be finite, got " + mean);
		this.distribution = distribution;
		this.mean = mean;
		this.min = min;
		this.max = max;
		this.relativeTo = relativeTo;
	}

	@Override
	public Noise draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		final double drawn = FactorSampling.uniform(random, min, max);
		final long noiseSeed = random.nextLong();
		return new Noise(distribution, mean, drawn * unit(image), noiseSeed);
	}

	/** The standard deviation sigma is measured in (1 for absolute units). */
	private double unit(final Volume<? extends RealType<?>> image) {
		switch (relativeTo) {
			case IMAGE_STD: return IntensityStatistics.of(image.data(), VoxelSelection.all()).std();
			case FOREGROUND_STD: return IntensityStatistics.of(image.data(), MaskRule.POSITIVE.select(image.data())).std();
			default: return 1;
		}
	}
}
