package org.medprep.core.normalize;

import java.util.List;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.fft.ComplexFft;
import org.medprep.core.stats.Percentiles;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * WhiteStripe normalization of a T1-weighted image (Shinohara et al. 2014),
 * as intensity-normalization's {@code WhiteStripeNormalize} implements it:
 * <ol>
 * <li>drop foreground values above their 96th percentile (the bright tail);</li>
 * <li>smooth the histogram of the rest with statsmodels' FFT kernel density
 * estimate ({@code KDEUnivariate.fit(kernel="gau", bw=max/80, gridsize=80,
 * fft=True)}: 128 grid points from min - 3 bw to max + 3 bw, see
 * {@link #lastMode});</li>
 * <li>the white-matter mode is the last (highest) strict local maximum;</li>
 * <li>its quantile q = fraction of foreground values below it; the stripe's
 * bounds are the foreground quantiles at q - tau and q + tau (clamped to
 * [0, 1]); the stripe holds the voxels strictly between them (voxels outside
 * the foreground count as 0, as {@code image * mask} does);</li>
 * <li>output = (image - stripe mean) / stripe standard deviation (ddof 0).</li>
 * </ol>
 */
public final class WhiteStripe {

	public static final double DEFAULT_WIDTH = 0.05;
	/** statsmodels rounds the requested 80 grid points up to a power of 2. */
	static final int GRID = 128;
	static final double BANDWIDTH_DIVISOR = 80;
	static final double TAIL_PERCENTILE = 96;

	private final double mode;
	private final double modeQuantile;
	private final double lower;
	private final double upper;
	private final long count;
	private final double mean;
	private final double std;

	private WhiteStripe(final double mode, final double modeQuantile, final double lower, final double upper, final long count,
		final double mean, final double std)
	{
		this.mode = mode;
		this.modeQuantile = modeQuantile;
		this.lower = lower;
		this.upper = upper;
		this.count = count;
		this.mean = mean;
		this.std = std;
	}

	/** The white-matter mode of the smoothed histogram. */
	public double mode() { return mode; }
	public double modeQuantile() { return modeQuantile; }
	/** Stripe bounds (exclusive). */
	public double lower() { return lower; }
	public double upper() { return upper; }
	/** Voxels in the stripe. */
	public long count() { return count; }
	public double mean() { return mean; }
	public double std() { return std; }

	/**
	 * Finds the stripe.
	 *
	 * @param width tau, in (0, 1)
	 * @throws IllegalArgumentException for an empty foreground, no histogram peak, or an empty or constant stripe
	 */
	public static WhiteStripe find(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection foreground, final double width) {
		if (!(width > 0 && width < 1)) throw new IllegalArgumentException("white stripe width must be within (0, 1), got " + width);
		final ForegroundValues fg = ForegroundValues.of(image, foreground);
		if (fg.distinctAtLeast(3) < 3)
			throw new IllegalArgumentException("WhiteStripe needs at least 3 distinct intensities in " + foreground.describe());
		final double tail = Percentiles.of(image, foreground, TAIL_PERCENTILE)[0];
		final double mode = lastMode(fg, tail);

		final List<long[]> below = Planes.map(image, foreground.maskImage(), (z, v, m) -> {
			long n = 0;
			for (int i = 0; i < v.length; i++)
				if (foreground.test(v[i], m, i) && v[i] < mode) n++;
			return new long[] { n };
		});
		long nBelow = 0;
		for (final long[] b : below) nBelow += b[0];
		final double q = (double) nBelow / fg.count;
		final double qLo = Math.max(q - width, 0), qHi = Math.min(q + width, 1);
		final double[] bounds = Percentiles.of(image, foreground, qLo * 100, qHi * 100);
		final double lo = bounds[0], hi = bounds[1];

		final List<double[]> sums = Planes.map(image, foreground.maskImage(), (z, v, m) -> {
			double n = 0, s = 0;
			for (int i = 0; i < v.length; i++) {
				final double masked = foreground.test(v[i], m, i) ? v[i] : 0;
				if (masked > lo && masked < hi) {
					n++;
					s += v[i];
				}
			}
			return new double[] { n, s };
		});
		double n = 0, s = 0;
		for (final double[] p : sums) {
			n += p[0];
			s += p[1];
		}
		if (n == 0) throw new IllegalArgumentException("the white stripe (" + lo + ", " + hi + ") holds no voxel; widen it (width " + width + ")");
		final double mean = s / n;
		final List<Double> squares = Planes.map(image, foreground.maskImage(), (z, v, m) -> {
			double ss = 0;
			for (int i = 0; i < v.length; i++) {
				final double masked = foreground.test(v[i], m, i) ? v[i] : 0;
				if (masked > lo && masked < hi) ss += (v[i] - mean) * (v[i] - mean);
			}
			return ss;
		});
		double ss = 0;
		for (final double x : squares) ss += x;
		final double std = Math.sqrt(ss / n);
		if (!(std > 0)) throw new IllegalArgumentException("the white stripe (" + lo + ", " + hi + ") is constant (" + mean + "); cannot standardize");
		return new WhiteStripe(mode, q, lo, hi, (long) n, mean, std);
	}

	/** (image - stripe mean) / stripe std. */
	public static Volume<FloatType> normalize(final Volume<? extends RealType<?>> image, final VoxelSelection foreground, final double width) {
		final WhiteStripe ws = find(image.data(), foreground, width);
		return ws.apply(image);
	}

	/** Standardizes {@code image} with this stripe's mean and std. */
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final double inv = 1 / std;
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (float) ((in[i] - mean) * inv);
		})).withMetadata(Volume.UNITS, null);
	}

	/**
	 * The last strict local maximum of the smoothed histogram of the values up
	 * to {@code tail}: statsmodels' {@code kdensityfft} with a Gaussian kernel,
	 * bandwidth max / 80 and {@code gridsize=80}, which statsmodels rounds up to
	 * 128 grid points over [min - 3 bw, max + 3 bw]; linear binning, then the
	 * binned counts are multiplied in Fourier space by Silverman's (AS 176)
	 * kernel transform {@code exp(-2 (pi bw j / range)^2) / (1 - (pi j / M)^2 / 3)}.
	 */
	static double lastMode(final ForegroundValues fg, final double tail) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, total = 0;
		for (int i = 0; i < fg.values.length; i++) {
			final double x = fg.values[i];
			if (x > tail) continue;
			min = Math.min(min, x);
			max = Math.max(max, x);
			total += fg.weight(i);
		}
		final double bw = max / BANDWIDTH_DIVISOR;
		if (!(bw > 0)) throw new IllegalArgumentException("WhiteStripe needs positive intensities (the kernel bandwidth is max / 80 = " + bw + ")");
		final int m = GRID;
		final double a = min - 3 * bw, b = max + 3 * bw;
		final double delta = (b - a) / (m - 1);
		final double[] re = new double[m], im = new double[m];
		for (int i = 0; i < fg.values.length; i++) {
			final double x = fg.values[i];
			if (x > tail) continue;
			final double pos = (x - a) / delta;
			final int k = (int) pos;
			final double r = pos - k;
			re[k] += (1 - r) * fg.weight(i);
			if (k + 1 < m) re[k + 1] += r * fg.weight(i);
		}
		for (int k = 0; k < m; k++) re[k] /= delta * total;
		final ComplexFft fft = new ComplexFft(m);
		fft.forward(re, im);
		final double range = b - a;
		for (int k = 0; k < m; k++) {
			final int j = Math.min(k, m - k);
			final double fac = Math.exp(-2 * Math.pow(Math.PI * bw * j / range, 2)) / (1 - Math.pow(j * Math.PI / m, 2) / 3);
			re[k] *= fac;
			im[k] *= fac;
		}
		fft.inverse(re, im);
		int last = -1;
		for (int g = 1; g < m - 1; g++)
			if (re[g] > re[g - 1] && re[g] > re[g + 1]) last = g;
		if (last < 0) throw new IllegalArgumentException("WhiteStripe found no peak in the smoothed histogram");
		return a + last * delta;
	}
}
