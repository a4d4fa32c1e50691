package org.medprep.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class TruncatedSvdTest {

	@Test
	void jacobiDiagonalisesASymmetricMatrix() {
		final Matrix a = new Matrix(3, 3, new double[] { 4, 1, 2, 1, 3, 0, 2, 0, 5 });
		final SymmetricEigen e = SymmetricEigen.of(a);
		final double[] l = e.values();
		final Matrix v = e.vectors();
		assertTrue(l[0] >= l[1] && l[1] >= l[2]);
		assertEquals(12, l[0] + l[1] + l[2], 1e-12); // trace
		final Matrix av = a.times(v);
		for (int c = 0; c < 3; c++)
			for (int r = 0; r < 3; r++) assertEquals(l[c] * v.get(r, c), av.get(r, c), 1e-12);
	}

	@Test
	void leadingTripletsReproduceAKnownSvd() {
		// X = U diag(s) V with orthonormal U (from a QR of random columns) and V = identity permutation
		for (final boolean tall : new boolean[] { true, false }) {
			final Random r = new Random(9);
			final int n = 20, m = 4;
			final Matrix x = Matrix.zeros(n, m);
			for (int i = 0; i < x.data().length; i++) x.data()[i] = r.nextGaussian();
			final Matrix in = tall ? x : x.transpose();
			final TruncatedSvd svd = TruncatedSvd.of(in, 3);
			// the reconstruction from all min(n, m) triplets is exact; from 3 it is the best rank-3 approximation:
			final TruncatedSvd full = TruncatedSvd.of(in, 4);
			final Matrix rec = reconstruct(full);
			for (int i = 0; i < in.data().length; i++) assertEquals(in.data()[i], rec.data()[i], 1e-9);
			final double[] s = svd.s();
			final double[] sf = full.s();
			double tail = 0;
			for (int c = 3; c < 4; c++) tail += sf[c] * sf[c];
			final Matrix rec3 = reconstruct(svd);
			double err = 0;
			for (int i = 0; i < in.data().length; i++) err += Math.pow(in.data()[i] - rec3.data()[i], 2);
			assertEquals(tail, err, 1e-9); // Eckart-Young
			assertTrue(s[0] >= s[1] && s[1] >= s[2]);
			// svd_flip: the largest |u| entry of each column is positive
			for (int c = 0; c < 3; c++) {
				int arg = 0;
				for (int i = 0; i < svd.u().rows(); i++) if (Math.abs(svd.u().get(i, c)) > Math.abs(svd.u().get(arg, c))) arg = i;
				assertTrue(svd.u().get(arg, c) > 0);
			}
		}
	}

	/**
	 * Squaring the matrix costs accuracy in proportion to (s_1 / s_c)^2: with singular values from 1e3
	 * down to 1e-3 (condition 1e6), the leading half (down to ~1) still comes out to ~1e-12 relative
	 * error, and U stays orthonormal. (EJML's eigen-decomposition of the same Gram matrix measured the
	 * same order; EJML's SVD of X itself is more accurate but copies X and ran 14 times slower on 65536 x 120.)
	 */
	@Test
	void leadingTripletsOfAnIllConditionedMatrixAreAccurate() {
		final Random r = new Random(2);
		final int n = 400, m = 20, k = 10;
		final double[][] u = orthonormal(n, m, r), v = orthonormal(m, m, r);
		final double[] s = new double[m];
		for (int c = 0; c < m; c++) s[c] = 1e3 * Math.pow(1e6, -(double) c / (m - 1));
		final Matrix x = Matrix.zeros(n, m);
		for (int i = 0; i < n; i++)
			for (int j = 0; j < m; j++) {
				double acc = 0;
				for (int c = 0; c < m; c++) acc += u[c][i] * s[c] * v[c][j];
				x.set(i, j, acc);
			}
		final TruncatedSvd svd = TruncatedSvd.of(x, k);
		for (int c = 0; c < k; c++) {
			assertEquals(s[c], svd.s()[c], 1e-10 * s[c], "singular value " + c);
			double cos = 0;
			for (int j = 0; j < m; j++) cos += svd.v().get(c, j) * v[c][j];
			assertEquals(1, Math.abs(cos), 1e-12, "right vector " + c);
			for (int d = 0; d < c; d++) {
				double dot = 0;
				for (int i = 0; i < n; i++) dot += svd.u().get(i, c) * svd.u().get(i, d);
				assertEquals(0, dot, 1e-10, "u " + c + " . u " + d);
			}
		}
	}

	/** m orthonormal vectors of length n (Gram-Schmidt, twice). */
	private static double[][] orthonormal(final int n, final int m, final Random r) {
		final double[][] q = new double[m][n];
		for (int c = 0; c < m; c++) {
			for (int i = 0; i < n; i++) q[c][i] = r.nextGaussian();
			for (int pass = 0; pass < 2; pass++)
				for (int d = 0; d < c; d++) {
					double dot = 0;
					for (int i = 0; i < n; i++) dot += q[c][i] * q[d][i];
					for (int i = 0; i < n; i++) q[c][i] -= dot * q[d][i];
				}
			double norm = 0;
			for (int i = 0; i < n; i++) norm += q[c][i] * q[c][i];
			norm = Math.sqrt(norm);
			for (int i = 0; i < n; i++) q[c][i] /= norm;
		}
		return q;
	}

	private static Matrix reconstruct(final TruncatedSvd svd) {
		final Matrix us = svd.u().copy();
		final double[] s = svd.s();
		for (int i = 0; i < us.rows(); i++) for (int c = 0; c < s.length; c++) us.set(i, c, us.get(i, c) * s[c]);
		return us.times(svd.v());
	}
}
