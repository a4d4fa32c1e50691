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

	private static Matrix reconstruct(final TruncatedSvd svd) {
		final Matrix us = svd.u().copy();
		final double[] s = svd.s();
		for (int i = 0; i < us.rows(); i++) for (int c = 0; c < s.length; c++) us.set(i, c, us.get(i, c) * s[c]);
		return us.times(svd.v());
	}
}
