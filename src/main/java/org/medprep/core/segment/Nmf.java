package org.medprep.core.segment;

import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.medprep.core.ProgressListener;

/**
 * Non-negative matrix factorization X ~ W H (W, H >= 0) for the Frobenius
 * loss, following scikit-learn 1.2's {@code NMF} ({@code sklearn/decomposition/_nmf.py}):
 * the same initialisations, the coordinate-descent solver with its cyclic
 * (shuffle=False) order and violation-based stopping rule, the multiplicative
 * update with its error test every 10 iterations relative to the initial
 * error, and the same regularisation scaling (see {@link NmfParameters}).
 * <p>
 * Differences: the SVD behind NNDSVD is exact ({@link TruncatedSvd}) where
 * scikit-learn uses a randomized one, and the random draws (init random,
 * nndsvdar) come from a seeded {@link java.util.Random}, so factors differ
 * slightly; the final errors agree closely. The coordinate-descent sweep runs
 * row by row (each row of W only depends on itself), in parallel over fixed
 * row chunks, which gives exactly scikit-learn's updates; only the sum of the
 * violation is added in another order.
 */
public final class Nmf {

	/** scikit-learn's EPSILON in _nmf.py: float32 machine epsilon. */
	static final double EPSILON = Math.ulp(1.0f);

	private Nmf() {}

	public static NmfResult factorize(final Matrix x, final NmfParameters p) {
		return factorize(x, p, ProgressListener.NONE, () -> false);
	}

	/**
	 * @param x the data, n_samples x n_features, non-negative and finite (not modified)
	 * @param progress told after each iteration (done = iteration, total = max_iter)
	 * @param cancelled polled between iterations; when true a {@link CancellationException} is thrown
	 * @throws IllegalArgumentException for negative or non-finite data, an all-zero matrix, or
	 *         n_components larger than min(n_samples, n_features) with an SVD-based init
	 */
	public static NmfResult factorize(final Matrix x, final NmfParameters p, final ProgressListener progress, final BooleanSupplier cancelled) {
		checkData(x);
		final int n = x.rows(), m = x.cols(), k = p.nComponents();
		if (p.init() != NmfInit.RANDOM && k > Math.min(n, m))
			throw new IllegalArgumentException("n_components = " + k + " is larger than min(n_samples, n_features) = min(" + n + ", " + m +
				"); init '" + p.init().label() + "' needs n_components <= " + Math.min(n, m) + " (or use init 'random')");

		final Matrix[] wh = initialize(x, k, p.init(), p.seed());
		final Matrix w = wh[0];
		final Matrix ht = wh[1].transpose(); // n_features x k, as scikit-learn's Ht

		final double l1W = m * p.alphaW() * p.l1Ratio();
		final double l1H = n * p.alphaH() * p.l1Ratio();
		final double l2W = m * p.alphaW() * (1 - p.l1Ratio());
		final double l2H = n * p.alphaH() * (1 - p.l1Ratio());
		final Matrix xt = x.transpose();

		final int iterations;
		if (p.solver() == NmfSolver.COORDINATE_DESCENT) iterations = fitCoordinateDescent(x, xt, w, ht, p, l1W, l1H, l2W, l2H, progress, cancelled);
		else iterations = fitMultiplicativeUpdate(x, xt, w, ht, p, l1W, l1H, l2W, l2H, progress, cancelled);
		return new NmfResult(w, ht.transpose(), reconstructionError(x, w, ht), iterations);
	}

	// ------------------------------------------------------------------ initialisation

	/** W (n x k) and H (k x m) as scikit-learn's _initialize_nmf (eps = 1e-6). */
	static Matrix[] initialize(final Matrix x, final int k, final NmfInit init, final long seed) {
		final int n = x.rows(), m = x.cols();
		final double mean = x.mean();
		if (init == NmfInit.RANDOM) {
			final Random rng = new Random(seed);
			final double avg = Math.sqrt(mean / k);
			final Matrix h = Matrix.zeros(k, m), w = Matrix.zeros(n, k);
			for (int i = 0; i < h.data().length; i++) h.data()[i] = Math.abs(avg * rng.nextGaussian());
			for (int i = 0; i < w.data().length; i++) w.data()[i] = Math.abs(avg * rng.nextGaussian());
			return new Matrix[] { w, h };
		}
		final TruncatedSvd svd = TruncatedSvd.of(x, k);
		final Matrix u = svd.u(), v = svd.v();
		final double[] s = svd.s();
		final Matrix w = Matrix.zeros(n, k), h = Matrix.zeros(k, m);
		for (int i = 0; i < n; i++) w.set(i, 0, Math.sqrt(s[0]) * Math.abs(u.get(i, 0)));
		for (int j = 0; j < m; j++) h.set(0, j, Math.sqrt(s[0]) * Math.abs(v.get(0, j)));
		for (int c = 1; c < k; c++) {
			double xp = 0, xn = 0, yp = 0, yn = 0;
			for (int i = 0; i < n; i++) {
				final double a = u.get(i, c);
				if (a > 0) xp += a * a; else xn += a * a;
			}
			for (int j = 0; j < m; j++) {
				final double a = v.get(c, j);
				if (a > 0) yp += a * a; else yn += a * a;
			}
			xp = Math.sqrt(xp); xn = Math.sqrt(xn); yp = Math.sqrt(yp); yn = Math.sqrt(yn);
			final double mp = xp * yp, mn = xn * yn;
			final boolean positive = mp > mn;
			final double sigma = positive ? mp : mn;
			if (sigma == 0) continue; // degenerate triplet: leave the column zero (scikit-learn would divide by zero)
			final double lbd = Math.sqrt(s[c] * sigma);
			final double xnrm = positive ? xp : xn, ynrm = positive ? yp : yn;
			for (int i = 0; i < n; i++) {
				final double a = u.get(i, c);
				w.set(i, c, lbd * (positive ? Math.max(a, 0) : Math.max(-a, 0)) / xnrm);
			}
			for (int j = 0; j < m; j++) {
				final double a = v.get(c, j);
				h.set(c, j, lbd * (positive ? Math.max(a, 0) : Math.max(-a, 0)) / ynrm);
			}
		}
		final double eps = 1e-6;
		for (final Matrix f : new Matrix[] { w, h }) {
			final double[] d = f.data();
			for (int i = 0; i < d.length; i++) if (d[i] < eps) d[i] = 0;
		}
		if (init == NmfInit.NNDSVDA) {
			for (final Matrix f : new Matrix[] { w, h }) {
				final double[] d = f.data();
				for (int i = 0; i < d.length; i++) if (d[i] == 0) d[i] = mean;
			}
		}
		else if (init == NmfInit.NNDSVDAR) {
			final Random rng = new Random(seed);
			for (final Matrix f : new Matrix[] { w, h }) {
				final double[] d = f.data();
				for (int i = 0; i < d.length; i++) if (d[i] == 0) d[i] = Math.abs(mean * rng.nextGaussian() / 100);
			}
		}
		return new Matrix[] { w, h };
	}

	// ------------------------------------------------------------------ coordinate descent

	private static int fitCoordinateDescent(final Matrix x, final Matrix xt, final Matrix w, final Matrix ht, final NmfParameters p,
		final double l1W, final double l1H, final double l2W, final double l2H, final ProgressListener progress, final BooleanSupplier cancelled)
	{
		double violationInit = 0;
		int iter;
		for (iter = 1; iter <= p.maxIter(); iter++) {
			checkCancelled(cancelled, iter - 1);
			double violation = updateCoordinateDescent(x, w, ht, l1W, l2W);
			violation += updateCoordinateDescent(xt, ht, w, l1H, l2H);
			if (iter == 1) violationInit = violation;
			progress.progress(iter, p.maxIter(), "NMF (cd) iteration " + iter);
			if (violationInit == 0) break;
			if (violation / violationInit <= p.tol()) break;
		}
		return Math.min(iter, p.maxIter());
	}

	/**
	 * One sweep over all coordinates of {@code w} (rows x k) for {@code a ~ w ht^T}, {@code a} rows x cols,
	 * {@code ht} cols x k; returns the projected-gradient violation (scikit-learn's _update_cdnmf_fast).
	 */
	static double updateCoordinateDescent(final Matrix a, final Matrix w, final Matrix ht, final double l1, final double l2) {
		final int rows = a.rows(), cols = a.cols(), k = w.cols();
		final double[] hht = gram(ht);
		if (l2 != 0) for (int t = 0; t < k; t++) hht[t * k + t] += l2;
		final double[] ad = a.data(), wd = w.data(), htd = ht.data();
		return RowChunks.sum(rows, (from, to) -> {
			final double[] aht = new double[k];
			double violation = 0;
			for (int i = from; i < to; i++) {
				java.util.Arrays.fill(aht, 0);
				final int ao = i * cols;
				for (int j = 0; j < cols; j++) {
					final double aij = ad[ao + j];
					if (aij == 0) continue;
					final int ho = j * k;
					for (int t = 0; t < k; t++) aht[t] += aij * htd[ho + t];
				}
				final int wo = i * k;
				for (int t = 0; t < k; t++) {
					double grad = -(aht[t] - l1);
					for (int r = 0; r < k; r++) grad += hht[t * k + r] * wd[wo + r];
					final double wit = wd[wo + t];
					final double pg = wit == 0 ? Math.min(0, grad) : grad;
					violation += Math.abs(pg);
					final double hess = hht[t * k + t];
					if (hess != 0) wd[wo + t] = Math.max(wit - grad / hess, 0);
				}
			}
			return violation;
		});
	}

	// ------------------------------------------------------------------ multiplicative update

	private static int fitMultiplicativeUpdate(final Matrix x, final Matrix xt, final Matrix w, final Matrix ht, final NmfParameters p,
		final double l1W, final double l1H, final double l2W, final double l2H, final ProgressListener progress, final BooleanSupplier cancelled)
	{
		final double errorAtInit = reconstructionError(x, w, ht);
		double previousError = errorAtInit;
		int iter;
		for (iter = 1; iter <= p.maxIter(); iter++) {
			checkCancelled(cancelled, iter - 1);
			multiplicativeUpdate(x, w, ht, l1W, l2W);
			multiplicativeUpdate(xt, ht, w, l1H, l2H);
			progress.progress(iter, p.maxIter(), "NMF (mu) iteration " + iter);
			if (p.tol() > 0 && iter % 10 == 0) {
				final double error = reconstructionError(x, w, ht);
				if ((previousError - error) / errorAtInit < p.tol()) break;
				previousError = error;
			}
		}
		return Math.min(iter, p.maxIter());
	}

	/**
	 * Frobenius multiplicative update of {@code w} for {@code a ~ w ht^T}:
	 * w *= (a ht) / (w (ht^T ht) + l1 + l2 w), zero denominators replaced by EPSILON.
	 * Updating H is the same call on the transposed problem.
	 */
	static void multiplicativeUpdate(final Matrix a, final Matrix w, final Matrix ht, final double l1, final double l2) {
		final int cols = a.cols(), k = w.cols();
		final double[] hht = gram(ht);
		final double[] ad = a.data(), wd = w.data(), htd = ht.data();
		RowChunks.forEach(a.rows(), (from, to) -> {
			final double[] num = new double[k];
			final double[] den = new double[k];
			for (int i = from; i < to; i++) {
				java.util.Arrays.fill(num, 0);
				final int ao = i * cols;
				for (int j = 0; j < cols; j++) {
					final double aij = ad[ao + j];
					if (aij == 0) continue;
					final int ho = j * k;
					for (int t = 0; t < k; t++) num[t] += aij * htd[ho + t];
				}
				final int wo = i * k;
				for (int t = 0; t < k; t++) {
					double d = 0;
					for (int r = 0; r < k; r++) d += wd[wo + r] * hht[r * k + t];
					if (l1 > 0) d += l1;
					if (l2 > 0) d += l2 * wd[wo + t];
					den[t] = d == 0 ? EPSILON : d;
				}
				for (int t = 0; t < k; t++) wd[wo + t] *= num[t] / den[t];
			}
		});
	}

	// ------------------------------------------------------------------ helpers

	/** f^T f for f rows x k, row chunks summed in order. */
	static double[] gram(final Matrix f) {
		final int k = f.cols();
		final double[] fd = f.data();
		final double[] g = RowChunks.sumArrays(f.rows(), k * k, (from, to, part) -> {
			for (int i = from; i < to; i++) {
				final int o = i * k;
				for (int a = 0; a < k; a++) {
					final double fa = fd[o + a];
					if (fa == 0) continue;
					for (int b = a; b < k; b++) part[a * k + b] += fa * fd[o + b];
				}
			}
		});
		for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) g[a * k + b] = g[b * k + a];
		return g;
	}

	/** ||X - W Ht^T||_F computed directly (no cancellation-prone expansion). */
	static double reconstructionError(final Matrix x, final Matrix w, final Matrix ht) {
		final int m = x.cols(), k = w.cols();
		final double[] xd = x.data(), wd = w.data(), htd = ht.data();
		final double sq = RowChunks.sum(x.rows(), (from, to) -> {
			double s = 0;
			for (int i = from; i < to; i++) {
				final int wo = i * k;
				for (int j = 0; j < m; j++) {
					double v = 0;
					final int ho = j * k;
					for (int t = 0; t < k; t++) v += wd[wo + t] * htd[ho + t];
					final double r = xd[i * m + j] - v;
					s += r * r;
				}
			}
			return s;
		});
		return Math.sqrt(sq);
	}

	private static void checkData(final Matrix x) {
		final double[] d = x.data();
		boolean anyPositive = false;
		for (int i = 0; i < d.length; i++) {
			final double v = d[i];
			if (!(v >= 0)) {
				final String where = "row " + i / x.cols() + ", column " + i % x.cols();
				if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException("NMF needs finite data; found " + v + " at " + where);
				throw new IllegalArgumentException("NMF needs non-negative data; found " + v + " at " + where + " (shift or clip the intensities first)");
			}
			if (v > 0) anyPositive = true;
		}
		if (!anyPositive) throw new IllegalArgumentException("NMF input is all zeros (" + x.rows() + " x " + x.cols() + "); nothing to factorize");
	}

	private static void checkCancelled(final BooleanSupplier cancelled, final int done) {
		if (cancelled.getAsBoolean()) throw new CancellationException("NMF cancelled after " + done + " iterations");
	}
}
