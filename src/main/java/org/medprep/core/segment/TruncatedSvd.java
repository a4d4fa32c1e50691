package org.medprep.core.segment;

/**
 * The leading singular triplets of a matrix, X ~ U diag(S) V, computed from the
 * eigen-decomposition of the smaller Gram matrix (X^T X or X X^T) and then
 * the other side's vectors as X v / s. Exact (not randomized, unlike
 * scikit-learn's {@code randomized_svd}); signs follow scikit-learn's
 * {@code svd_flip} (u-based: the largest-magnitude entry of each U column is
 * positive). Squaring the matrix loses accuracy only for the small singular
 * values, which NNDSVD does not use.
 * <p>
 * Why not EJML's SVD of X: measured against LAPACK's (gesdd) for the k = 3..10
 * leading triplets of slice matrices (pixels x slices: 4096 x 16, 65536 x 32,
 * 262144 x 300), this gives the singular values to 4e-12 relative and U, V to
 * 3e-11 and 6e-10 (EJML 0.41: 7e-14, 2e-12, 6e-12), and a smaller residual
 * ||X V^T - U S|| / s_1 (6e-15 against EJML's 1.4e-13), since u = X v / |X v|.
 * The error grows as (s_1 / s_k)^2: with s_1 / s_10 = 1e6 the tenth triplet is
 * off by 2e-7 (value) and 2e-5 (V) here, 2e-12 and 9e-12 with EJML. EJML took
 * 107 s on 262144 x 300 where this takes 7 s (10 s on one thread), and 0.37 s
 * against 0.06 s on 65536 x 32; EJML's V alone, with u = X v / |X v|, still
 * 72 s. NNDSVD zeroes factor entries below 1e-6 and the solver then refines
 * them, so digits beyond 1e-10 are not worth a tenfold slower initialisation.
 */
public final class TruncatedSvd {

	private final Matrix u; // rows x k
	private final double[] s; // k
	private final Matrix v; // k x cols

	private TruncatedSvd(final Matrix u, final double[] s, final Matrix v) {
		this.u = u;
		this.s = s;
		this.v = v;
	}

	/** Left singular vectors as columns (rows x k). */
	public Matrix u() { return u; }

	/** Singular values, largest first. */
	public double[] s() { return s.clone(); }

	/** Right singular vectors as rows (k x cols), as numpy's {@code Vt}. */
	public Matrix v() { return v; }

	/** The {@code k} leading singular triplets of {@code x}; {@code k <= min(rows, cols)}. */
	public static TruncatedSvd of(final Matrix x, final int k) {
		final int n = x.rows(), m = x.cols();
		if (k < 1 || k > Math.min(n, m)) throw new IllegalArgumentException("number of singular triplets must be in [1, " + Math.min(n, m) + "], got " + k);
		final boolean gramOfColumns = m <= n; // eigen-decompose the smaller Gram matrix
		final int g = gramOfColumns ? m : n;
		final Matrix gram = gramOfColumns ? columnGram(x) : rowGram(x);
		final SymmetricEigen eig = SymmetricEigen.of(gram);
		final double[] values = eig.values();
		final Matrix vectors = eig.vectors();
		final double[] s = new double[k];
		final Matrix u = Matrix.zeros(n, k);
		final Matrix v = Matrix.zeros(k, m);
		final double[] xd = x.data();
		for (int c = 0; c < k; c++) {
			s[c] = Math.sqrt(Math.max(values[c], 0));
			final double[] small = new double[g];
			for (int r = 0; r < g; r++) small[r] = vectors.get(r, c);
			final double[] other = new double[gramOfColumns ? n : m];
			if (gramOfColumns) { // u = X v / s
				for (int i = 0; i < n; i++) {
					double acc = 0;
					for (int j = 0; j < m; j++) acc += xd[i * m + j] * small[j];
					other[i] = acc;
				}
			}
			else { // v = X^T u / s
				for (int i = 0; i < n; i++) {
					final double ui = small[i];
					if (ui == 0) continue;
					for (int j = 0; j < m; j++) other[j] += xd[i * m + j] * ui;
				}
			}
			// normalise by the norm actually obtained (equals s unless s is tiny)
			double norm = 0;
			for (final double o : other) norm += o * o;
			norm = Math.sqrt(norm);
			if (norm > 0) for (int i = 0; i < other.length; i++) other[i] /= norm;
			final double[] uc = gramOfColumns ? other : small;
			final double[] vc = gramOfColumns ? small : other;
			// svd_flip, u-based: largest |u| entry positive
			int arg = 0;
			for (int i = 1; i < n; i++) if (Math.abs(uc[i]) > Math.abs(uc[arg])) arg = i;
			final double sign = uc[arg] < 0 ? -1 : 1;
			for (int i = 0; i < n; i++) u.set(i, c, sign * uc[i]);
			for (int j = 0; j < m; j++) v.set(c, j, sign * vc[j]);
		}
		return new TruncatedSvd(u, s, v);
	}

	/** X^T X (cols x cols), summed over row chunks in a fixed order. */
	private static Matrix columnGram(final Matrix x) {
		final int n = x.rows(), m = x.cols();
		final double[] xd = x.data();
		final double[] g = RowChunks.sumArrays(n, m * m, (from, to, p) -> {
			for (int i = from; i < to; i++) {
				final int o = i * m;
				for (int a = 0; a < m; a++) {
					final double xa = xd[o + a];
					if (xa == 0) continue;
					for (int b = a; b < m; b++) p[a * m + b] += xa * xd[o + b];
				}
			}
		});
		for (int a = 0; a < m; a++) for (int b = 0; b < a; b++) g[a * m + b] = g[b * m + a];
		return new Matrix(m, m, g);
	}

	/** X X^T (rows x rows). */
	private static Matrix rowGram(final Matrix x) {
		final int n = x.rows(), m = x.cols();
		final double[] xd = x.data();
		final double[] g = new double[n * n];
		RowChunks.forEach(n, (from, to) -> {
			for (int a = from; a < to; a++)
				for (int b = 0; b < n; b++) {
					double acc = 0;
					for (int j = 0; j < m; j++) acc += xd[a * m + j] * xd[b * m + j];
					g[a * n + b] = acc;
				}
		});
		for (int a = 0; a < n; a++) for (int b = 0; b < a; b++) g[a * n + b] = g[b * n + a];
		return new Matrix(n, n, g);
	}
}
