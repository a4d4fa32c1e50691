package org.medprep.core.normalize;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * nnU-Net's {@code CTNormalization}: clip to the cohort's 0.5 and 99.5
 * foreground percentiles, subtract the cohort mean, divide by
 * max(cohort std, 1e-8). The statistics come from a {@link CtFingerprint}.
 */
public final class CtDatasetNormalization {

	private CtDatasetNormalization() {}

	public static Volume<FloatType> apply(final Volume<? extends RealType<?>> image, final CtFingerprint fingerprint) {
		return apply(image, fingerprint.percentile005(), fingerprint.percentile995(), fingerprint.mean(), fingerprint.std());
	}

	/** @throws IllegalArgumentException if lower &gt; upper or a value is not finite */
	public static Volume<FloatType> apply(final Volume<? extends RealType<?>> image, final double lower, final double upper, final double mean,
		final double std)
	{
		if (!Double.isFinite(lower) || !Double.isFinite(upper) || !(lower <= upper))
			throw new IllegalArgumentException("clip range must be finite with lower <= upper, got " + lower + " and " + upper);
		if (!Double.isFinite(mean) || !Double.isFinite(std)) throw new IllegalArgumentException("mean and std must be finite, got " + mean + " and " + std);
		final double inv = 1 / Math.max(std, 1e-8);
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (float) ((Math.min(upper, Math.max(lower, in[i])) - mean) * inv);
		})).withMetadata(Volume.UNITS, null);
	}
}
