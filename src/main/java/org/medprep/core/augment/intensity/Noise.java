package org.medprep.core.augment.intensity;

import org.medprep.core.Labelled;
import java.util.Locale;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Adds noise of a fixed standard deviation.
 * <ul>
 * <li>{@link Distribution#GAUSSIAN}: {@code x + n}, {@code n ~ N(mean, sigma)}:
 * TorchIO's {@code Noise} (torchio/transforms/augmentation/intensity/random_noise.py),
 * nnU-Net's {@code GaussianNoiseTransform} (batchgeneratorsv2/transforms/intensity/gaussian_noise.py,
 * whose {@code noise_variance} is used as the standard deviation).</li>
 * <li>{@link Distribution#RICIAN}: {@code sqrt((x + n1)^2 + n2^2)}, two
 * independent {@code N(mean, sigma)}: MONAI's {@code RandRicianNoise}
 * (monai/transforms/intensity/array.py), the magnitude of a complex MR signal
 * with Gaussian noise in both channels.</li>
 * </ul>
 * The deviates come from per-plane streams of {@code noiseSeed}, so the noise
 * is the same whatever the thread count (not the same numbers as numpy's).
 */
public final class Noise implements IntensityDraw {

	public enum Distribution implements Labelled {
		GAUSSIAN("Gaussian"), RICIAN("Rician");

		private final String label;

		Distribution(final String label) { this.label = label; }

		@Override
		public String label() { return label; }

		/** @throws IllegalArgumentException naming the choices */
		public static Distribution fromLabel(final String label) {
			for (final Distribution d : values())
				if (d.label.equalsIgnoreCase(label) || d.name().equalsIgnoreCase(label)) return d;
			throw new IllegalArgumentException("unknown noise distribution '" + label + "'; choose Gaussian or Rician");
		}
	}

	private final Distribution distribution;
	private final double mean, sigma;
	private final long noiseSeed;

	/** @throws IllegalArgumentException unless sigma &gt;= 0 and mean are finite */
	public Noise(final Distribution distribution, final double mean, final double sigma, final long noiseSeed) {
		if (!(sigma >= 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("noise sigma must be >= 0 and finite, got " + sigma);
		if (!Double.isFinite(mean)) throw new IllegalArgumentException("noise mean must be finite, got " + mean);
		this.distribution = distribution;
		this.mean = mean;
		this.sigma = sigma;
		this.noiseSeed = noiseSeed;
	}

	public double sigma() { return sigma; }

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final boolean rician = distribution == Distribution.RICIAN;
		final double mu = mean, s = sigma;
		final long seed = noiseSeed;
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			final PlaneStreams.Gaussian g = new PlaneStreams.Gaussian(PlaneStreams.of(seed, z));
			if (rician) {
				for (int i = 0; i < out.length; i++) {
					final double a = in[i] + mu + s * g.next(), b = mu + s * g.next();
					out[i] = (float) Math.sqrt(a * a + b * b);
				}
			} else {
				for (int i = 0; i < out.length; i++) out[i] = (float) (in[i] + mu + s * g.next());
			}
		}));
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("distribution", distribution.label()).put("mean", mean).put("sigma", sigma).put("noise_seed", noiseSeed).map();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s mean=%s sigma=%.6g noise_seed=%d", distribution.label(), mean, sigma, noiseSeed);
	}
}
