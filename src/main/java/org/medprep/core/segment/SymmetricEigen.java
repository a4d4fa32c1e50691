package org.medprep.core.segment;

/**
 * Eigen-decomposition of a small symmetric matrix by the cyclic Jacobi method:
 * slow for big matrices (O(n^3) per sweep) but accurate to working precision,
 * which is what the NNDSVD initialisation needs for its Gram matrices (n = the
 * smaller side of the data matrix, e.g. the number of slices).
 */
public final class SymmetricEigen {

	private final double[] values;
	private final Matrix vectors;

	private SymmetricEigen(final double[] values, final Matrix vectors) {
		this.values = values;
		this.vectors = vectors;
	}

	/** Eigenvalues, largest first. */
	public double[] values() { return values.clone(); }

	/** Eigenvectors as columns, in the order of {@link #values()}; orthonormal. */
	public Matrix vectors() { return vectors.copy(); }

	/** @throws IllegalArgumentException if {@code a} is not square and symmetric */
	public static SymmetricEigen of(final Matrix a) {
		final int n = a.rows();
		if (a.cols() != n) throw new IllegalArgumentException("eigen-decomposition needs a square matrix, got " + a.rows() + "x" + a.cols());
		final double[][] m = new double[n][n];
		double scale = 0;
		for (int i = 0; i < n; i++)
			for (int j = 0; j < n; j++) {
				m[i][j] = a.get(i, j);
				scale = Math.max(scale, Math.abs(m[i][j]));
			}
		for (int i = 0; i < n; i++)
			for (int j = i + 1; j < n; j++)
				if (Math.abs(m[i][j] - m[j][i]) > 1e-9 * Math.max(scale, Double.MIN_NORMAL))
					throw new IllegalArgumentException("matrix is not symmetric at (" + i + ", " + j + ")");
		final double[][] v = new double[n][n];
		for (int i = 0; i < n; i++) v[i][i] = 1;

		for (int sweep = 0; sweep < 100; sweep++) {
			double off = 0, diag = 0;
			for (int p = 0; p < n; p++) {
				diag += m[p][p] * m[p][p];
				for (int q = p + 1; q < n; q++) off += m[p][q] * m[p][q];
			}
			if (off == 0 || off <= 1e-32 * diag) break;
			for (int p = 0; p < n - 1; p++)
				for (int q = p + 1; q < n; q++) rotate(m, v, p, q, n);
		}

		// sort by eigenvalue, descending
		final Integer[] order = new Integer[n];
		for (int i = 0; i < n; i++) order[i] = i;
		java.util.Arrays.sort(order, (x, y) -> Double.compare(m[y][y], m[x][x]));
		final double[] values = new double[n];
		final Matrix vectors = Matrix.zeros(n, n);
		for (int c = 0; c < n; c++) {
			values[c] = m[order[c]][order[c]];
			for (int r = 0; r < n; r++) vectors.set(r, c, v[r][order[c]]);
		}
		return new SymmetricEigen(values, vectors);
	}

	/** One Jacobi rotation A <- J^T A J zeroing A[p][q]; V <- V J. */
	private static void rotate(final double[][] a, final double[][] v, final int p, final int q, final int n) {
		final double apq = a[p][q];
		if (apq == 0) return;
		final double theta = (a[q][q] - a[p][p]) / (2 * apq);
		final double t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
		final double c = 1 / Math.sqrt(t * t + 1);
		final double s = t * c;
		for (int k = 0; k < n; k++) {
			final double akp = a[k][p], akq = a[k][q];
			a[k][p] = c * akp - s * akq;
			a[k][q] = s * akp + c * akq;
		}
		for (int k = 0; k < n; k++) {
			final double apk = a[p][k], aqk = a[q][k];
			a[p][k] = c * apk - s * aqk;
			a[q][k] = s * apk + c * aqk;
		}
		a[p][q] = 0;
		a[q][p] = 0;
		for (int k = 0; k < n; k++) {
			final double vkp = v[k][p], vkq = v[k][q];
			v[k][p] = c * vkp - s * vkq;
			v[k][q] = s * vkp + c * vkq;
		}
	}
}
