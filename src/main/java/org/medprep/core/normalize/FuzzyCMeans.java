package org.medprep.core.normalize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import net.imglib2.parallel.Parallelization;

/**
 * One-dimensional fuzzy c-means (Bezdek), step for step as scikit-fuzzy's
 * {@code cmeans} (which intensity-normalization calls with c = 3, m = 2,
 * error = 0.005, maxiter = 50):
 * <pre>
 * u0 = random memberships, each column normalized to sum 1
 * repeat up to maxiter - 1 times (scikit-fuzzy's loop is {@code while p < maxiter - 1}):
 *     u_old = max(u / column sums, eps);  um = u_old^m
 *     centre_k = sum_i um_ki x_i / sum_i um_ki
 *     d_ki = max(|x_i - centre_k|, eps)
 *     u_ki = d_ki^(-2/(m-1)) / sum_j d_ji^(-2/(m-1))
 *     stop when the Frobenius norm of (u - u_old) < error
 * </pre>
 * Samples may carry weights (a histogram: value, count); a weight w counts as
 * w identical samples, so the centres and the stopping norm are those of the
 * expanded sample. The memberships after the last step depend only on the
 * value, so they are returned as a function ({@link Result#membership}).
 * <p>
 * The random start is seeded (scikit-fuzzy's default is unseeded); the
 * converged centres do not depend on it in practice. Work is split into fixed
 * chunks combined in order, so results do not depend on the thread count.
 */
public final class FuzzyCMeans {

	private static final double EPS = Math.ulp(1.0);
	private static final int CHUNK = 1 << 16;

	private FuzzyCMeans() {}

	/** Converged cluster centres (sorted ascending) and the membership function. */
	public static final class Result {
		private final double[] centres;
		private final double m;
		private final int iterations;

		Result(final double[] centres, final double m, final int iterations) {
			this.centres = centres;
			this.m = m;
			this.iterations = iterations;
		}

		/** Centres in ascending order. */
		public double[] centres() { return centres.clone(); }

		public double fuzziness() { return m; }

		/** Steps run (at most maxiter - 1, as scikit-fuzzy). */
		public int iterations() { return iterations; }

		/** Membership of value {@code x} in cluster {@code k} (0 = lowest centre). */
		public double membership(final double x, final int k) {
			return FuzzyCMeans.membership(x, centres, m, k);
		}
	}

	/**
	 * @param values samples
	 * @param weights per-sample weights (counts), or null for all 1
	 * @param c number of clusters (>= 2)
	 * @param m fuzziness (> 1)
	 * @param error stopping threshold on the Frobenius norm of the membership change
	 * @param maxIterations at most this many steps
	 * @throws IllegalArgumentException for bad parameters or fewer than c distinct values
	 */
	public static Result fit(final double[] values, final double[] weights, final int c, final double m, final double error,
		final int maxIterations, final long seed)
	{
		if (c < 2) throw new IllegalArgumentException("fuzzy c-means needs at least 2 clusters, got " + c);
		if (!(m > 1)) throw new IllegalArgumentException("fuzziness m must be > 1, got " + m);
		if (maxIterations < 1) throw new IllegalArgumentException("maximum iterations must be >= 1, got " + maxIterations);
		if (weights != null && weights.length != values.length) throw new IllegalArgumentException("values and weights differ in length");
		final int distinct = (int) Arrays.stream(values).distinct().limit(c).count();
		if (distinct < c)
			throw new IllegalArgumentException("fuzzy c-means with " + c + " classes needs at least " + c + " distinct intensities in the foreground, found " + distinct);

		final int n = values.length;
		final List<int[]> chunks = new ArrayList<>();
		for (int start = 0; start < n; start += CHUNK) chunks.add(new int[] { chunks.size(), start, Math.min(n, start + CHUNK) });

		double[] previous = null; // centres that gave the current memberships; null: the random start
		double[] centres = null;
		int iterations = 0;
		final int steps = Math.max(1, maxIterations - 1);
		for (int p = 0; p < steps; p++) {
			iterations = p + 1;
			// centres from the current memberships u_p (random start, or memberships of the previous centres)
			final double[] uPrevCentres = previous;
			final List<double[]> sums = Parallelization.getTaskExecutor().forEachApply(chunks, ch -> {
				final double[] s = new double[2 * c];
				final double[] u = new double[c];
				final SplittableRandom random = uPrevCentres == null ? start(seed, ch[0]) : null;
				for (int i = ch[1]; i < ch[2]; i++) {
					memberships(values[i], uPrevCentres, m, random, u);
					final double w = weights == null ? 1 : weights[i];
					for (int k = 0; k < c; k++) {
						final double um = Math.pow(Math.max(u[k], EPS), m) * w;
						s[k] += um * values[i];
						s[c + k] += um;
					}
				}
				return s;
			});
			final double[] total = new double[2 * c];
			for (final double[] s : sums)
				for (int k = 0; k < 2 * c; k++) total[k] += s[k];
			centres = new double[c];
			for (int k = 0; k < c; k++) centres[k] = total[k] / total[c + k];

			// new memberships u_{p+1} from these centres, and their distance to u_p
			final double[] newCentres = centres;
			final List<Double> norms = Parallelization.getTaskExecutor().forEachApply(chunks, ch -> {
				final double[] uOld = new double[c], uNew = new double[c];
				final SplittableRandom random = uPrevCentres == null ? start(seed, ch[0]) : null;
				double ss = 0;
				for (int i = ch[1]; i < ch[2]; i++) {
					memberships(values[i], uPrevCentres, m, random, uOld);
					memberships(values[i], newCentres, m, null, uNew);
					double d2 = 0;
					for (int k = 0; k < c; k++) d2 += (uNew[k] - uOld[k]) * (uNew[k] - uOld[k]);
					ss += d2 * (weights == null ? 1 : weights[i]);
				}
				return ss;
			});
			double ss = 0;
			for (final double s : norms) ss += s;
			previous = centres;
			if (Math.sqrt(ss) < error) break;
		}
		final double[] sorted = centres.clone();
		Arrays.sort(sorted);
		return new Result(sorted, m, iterations);
	}

	private static SplittableRandom start(final long seed, final int chunk) {
		return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + chunk);
	}

	/** Memberships of x: from centres, or (centres null) the next random start column normalized to sum 1, floored at eps. */
	private static void memberships(final double x, final double[] centres, final double m, final SplittableRandom random, final double[] u) {
		final int c = u.length;
		if (centres == null) {
			double sum = 0;
			for (int k = 0; k < c; k++) sum += u[k] = random.nextDouble();
			for (int k = 0; k < c; k++) u[k] = Math.max(u[k] / sum, EPS);
			return;
		}
		for (int k = 0; k < c; k++) u[k] = membership(x, centres, m, k);
	}

	static double membership(final double x, final double[] centres, final double m, final int k) {
		final double exponent = -2 / (m - 1);
		double sum = 0, mine = 0;
		for (int j = 0; j < centres.length; j++) {
			final double d = Math.max(Math.abs(x - centres[j]), EPS);
			final double t = exponent == -2 ? 1 / (d * d) : Math.pow(d, exponent);
			sum += t;
			if (j == k) mine = t;
		}
		return mine / sum;
	}
}
