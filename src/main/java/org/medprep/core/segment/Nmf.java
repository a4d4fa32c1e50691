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

		final NmfRowPass pass = new NmfRowPass(x, k);
		final int iterations;
		if (p.solver() == NmfSolver.COORDINATE_DESCENT) iterations = fitCoordinateDescent(w, ht, pass, p, l1W, l1H, l2W, l2H, progress, cancelled);
		else iterations = fitMultiplicativeUpdate(x, w, ht, pass, p, l1W, l1H, l2W, l2H, progress, cancelled);
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

	private static int fitCoordinateDescent(final Matrix w, final Matrix ht, final NmfRowPass pass, final NmfParameters p,
		final double l1W, final double l1H, final double l2W, final double l2H, final ProgressListener progress, final BooleanSupplier cancelled)
	{
		double violationInit = 0;
		int iter;
		for (iter = 1; iter <= p.maxIter(); iter++) {
			checkCancelled(cancelled, iter - 1);
			double violation = pass.updateW(w, ht, gram(ht), NmfSolver.COORDINATE_DESCENT, l1W, l2W);
			violation += updateCoordinateDescent(ht, pass.xtw(), pass.wtw(), l1H, l2H);
			if (iter == 1) violationInit = violation;
			progress.progress(iter, p.maxIter(), "NMF (cd) iteration " + iter);
			if (violationInit == 0) break;
			if (violation / violationInit <= p.tol()) break;
		}
		return Math.min(iter, p.maxIter());
	}

	/**
	 * One sweep over all coordinates of {@code w} (rows x k) for A ~ w ht^T, given {@code aht} = A ht (rows x k)
	 * and {@code hht} = ht^T ht (k x k); returns the projected-gradient violation (scikit-learn's
	 * _update_cdnmf_fast, with the l2 term on the diagonal of hht and l1 subtracted from aht).
	 */
	static double updateCoordinateDescent(final Matrix w, final double[] aht, final double[] hht, final double l1, final double l2) {
		final int k = w.cols();
		addToDiagonal(hht, k, l2);
		final double[] wd = w.data();
		return RowChunks.sum(w.rows(), (from, to) -> sweep(wd, k, aht, 0, hht, l1, from, to, 0, new double[4 * k]));
	}

	static void addToDiagonal(final double[] hht, final int k, final double l2) {
		if (l2 != 0) for (int t = 0; t < k; t++) hht[t * k + t] += l2;
	}

	/**
	 * The sweep over rows [from, to) of {@code wd} (rows x k), row i of aht at {@code (i - ahtRow0) * k};
	 * returns {@code violation} plus the rows' violations, added in row order. {@code v}: 4 k scratch.
	 */
	static double sweep(final double[] wd, final int k, final double[] aht, final int ahtRow0, final double[] hht, final double l1,
		final int from, final int to, final double violationBefore, final double[] v)
	{
		double violation = violationBefore;
		// Four rows in lockstep: each row's sweep is a chain of dependent updates (a division
		// each), so one row at a time waits on latency; four independent chains fill it. Each
		// row's arithmetic is unchanged, and the violations are kept and added in row order,
		// so the result has the same bits as the row-by-row sweep.
		int i = from;
		for (; i + 3 < to; i += 4) {
			final int o0 = i * k, o1 = o0 + k, o2 = o1 + k, o3 = o2 + k;
			final int a0o = (i - ahtRow0) * k, a1o = a0o + k, a2o = a1o + k, a3o = a2o + k;
			for (int t = 0; t < k; t++) {
				double g0 = l1 - aht[a0o + t], g1 = l1 - aht[a1o + t], g2 = l1 - aht[a2o + t], g3 = l1 - aht[a3o + t];
				final int ho = t * k;
				for (int r = 0; r < k; r++) {
					final double h = hht[ho + r];
					g0 += h * wd[o0 + r];
					g1 += h * wd[o1 + r];
					g2 += h * wd[o2 + r];
					g3 += h * wd[o3 + r];
				}
				final double a0 = wd[o0 + t], a1 = wd[o1 + t], a2 = wd[o2 + t], a3 = wd[o3 + t];
				v[t] = Math.abs(a0 == 0 ? Math.min(0, g0) : g0);
				v[k + t] = Math.abs(a1 == 0 ? Math.min(0, g1) : g1);
				v[2 * k + t] = Math.abs(a2 == 0 ? Math.min(0, g2) : g2);
				v[3 * k + t] = Math.abs(a3 == 0 ? Math.min(0, g3) : g3);
				final double hess = hht[ho + t];
				if (hess != 0) {
					wd[o0 + t] = Math.max(a0 - g0 / hess, 0);
					wd[o1 + t] = Math.max(a1 - g1 / hess, 0);
					wd[o2 + t] = Math.max(a2 - g2 / hess, 0);
					wd[o3 + t] = Math.max(a3 - g3 / hess, 0);
				}
			}
			for (int q = 0; q < 4 * k; q++) violation += v[q];
		}
		for (; i < to; i++) {
			final int wo = i * k, ao = (i - ahtRow0) * k;
			for (int t = 0; t < k; t++) {
				double grad = l1 - aht[ao + t];
				final int ho = t * k;
				for (int r = 0; r < k; r++) grad += hht[ho + r] * wd[wo + r];
				final double wit = wd[wo + t];
				violation += Math.abs(wit == 0 ? Math.min(0, grad) : grad);
				final double hess = hht[ho + t];
				if (hess != 0) wd[wo + t] = Math.max(wit - grad / hess, 0);
			}
		}
		return violation;
	}

	// ------------------------------------------------------------------ multiplicative update

	private static int fitMultiplicativeUpdate(final Matrix x, final Matrix w, final Matrix ht, final NmfRowPass pass, final NmfParameters p,
		final double l1W, final double l1H, final double l2W, final double l2H, final ProgressListener progress, final BooleanSupplier cancelled)
	{
		final double errorAtInit = reconstructionError(x, w, ht);
		double previousError = errorAtInit;
		int iter;
		for (iter = 1; iter <= p.maxIter(); iter++) {
			checkCancelled(cancelled, iter - 1);
			pass.updateW(w, ht, gram(ht), NmfSolver.MULTIPLICATIVE_UPDATE, l1W, l2W);
			multiplicativeUpdate(ht, pass.xtw(), pass.wtw(), l1H, l2H);
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
	 * Frobenius multiplicative update of {@code w} for A ~ w ht^T, given aht = A ht and hht = ht^T ht:
	 * w *= aht / (w hht + l1 + l2 w), zero denominators replaced by EPSILON. Updating H is the same
	 * call on the transposed problem.
	 */
	static void multiplicativeUpdate(final Matrix w, final double[] aht, final double[] hht, final double l1, final double l2) {
		final int k = w.cols();
		final double[] wd = w.data();
		RowChunks.forEach(w.rows(), (from, to) -> multiply(wd, k, aht, 0, hht, l1, l2, from, to, new double[k]));
	}

	/** The update of rows [from, to) of {@code wd}, row i of aht at {@code (i - ahtRow0) * k}; {@code den}: k scratch. */
	static void multiply(final double[] wd, final int k, final double[] aht, final int ahtRow0, final double[] hht, final double l1, final double l2,
		final int from, final int to, final double[] den)
	{
		for (int i = from; i < to; i++) {
			final int wo = i * k, ao = (i - ahtRow0) * k;
			for (int t = 0; t < k; t++) {
				double d = 0;
				for (int r = 0; r < k; r++) d += wd[wo + r] * hht[r * k + t];
				if (l1 > 0) d += l1;
				if (l2 > 0) d += l2 * wd[wo + t];
				den[t] = d == 0 ? EPSILON : d;
			}
			for (int t = 0; t < k; t++) wd[wo + t] *= aht[ao + t] / den[t];
		}
	}

	// ------------------------------------------------------------------ helpers

	/** f^T f for f rows x k, row chunks summed in order. */
	static double[] gram(final Matrix f) {
		final int k = f.cols();
		final double[] fd = f.data();
		final double[] g = RowChunks.sumArrays(f.rows(), k * k, (from, to, part) -> gramRows(fd, k, part, from, to));
		mirrorUpperTriangle(g, k);
		return g;
	}

	/** Adds rows [from, to) of f^T f to the upper triangle of {@code part} (k x k), rows in groups of four from {@code from}. */
	static void gramRows(final double[] fd, final int k, final double[] part, final int from, final int to) {
		int i = from;
		for (; i + 3 < to; i += 4) {
			final int o0 = i * k, o1 = o0 + k, o2 = o1 + k, o3 = o2 + k;
			for (int a = 0; a < k; a++) {
				final double f0 = fd[o0 + a], f1 = fd[o1 + a], f2 = fd[o2 + a], f3 = fd[o3 + a];
				final int po = a * k;
				for (int b = a; b < k; b++) part[po + b] += (f0 * fd[o0 + b] + f1 * fd[o1 + b]) + (f2 * fd[o2 + b] + f3 * fd[o3 + b]);
			}
		}
		for (; i < to; i++) {
			final int o = i * k;
			for (int a = 0; a < k; a++) {
				final double fa = fd[o + a];
				for (int b = a; b < k; b++) part[a * k + b] += fa * fd[o + b];
			}
		}
	}

	static void mirrorUpperTriangle(final double[] g, final int k) {
		for (int a = 0; a < k; a++) for (int b = 0; b < a; b++) g[a * k + b] = g[b * k + a];
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
