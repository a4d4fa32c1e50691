package org.medprep.core.fft;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.real.FloatType;

/** The FFT against the defining sum, for lengths of every kind (powers of 2, mixed radix, large primes through Bluestein). */
class ComplexFftTest {

	private static double[][] naive(final double[] re, final double[] im, final int sign) {
		final int n = re.length;
		final double[][] out = new double[2][n];
		for (int k = 0; k < n; k++) {
			double sr = 0, si = 0;
			for (int j = 0; j < n; j++) {
				final double a = sign * 2 * Math.PI * ((long) j * k % n) / n;
				sr += re[j] * Math.cos(a) - im[j] * Math.sin(a);
				si += re[j] * Math.sin(a) + im[j] * Math.cos(a);
			}
			out[0][k] = sr;
			out[1][k] = si;
		}
		return out;
	}

	@Test
	void equalsTheDefiningSumForEveryKindOfLength() {
		final SplittableRandom r = new SplittableRandom(1);
		for (final int n : new int[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 16, 25, 30, 31, 37, 49, 61, 64, 67, 83, 97, 120, 128, 160, 167, 181, 192, 197, 211, 217, 242, 361, 362 }) {
			final double[] re = new double[n], im = new double[n];
			for (int i = 0; i < n; i++) {
				re[i] = r.nextDouble() - 0.5;
				im[i] = r.nextDouble() - 0.5;
			}
			final double[][] expected = naive(re, im, -1);
			final double[] fr = re.clone(), fi = im.clone();
			new ComplexFft(n).forward(fr, fi);
			final double tol = 1e-12 * n;
			assertArrayEquals(expected[0], fr, tol, "forward re, n=" + n);
			assertArrayEquals(expected[1], fi, tol, "forward im, n=" + n);
			final double[][] back = naive(re, im, 1);
			final double[] br = re.clone(), bi = im.clone();
			new ComplexFft(n).inverse(br, bi);
			assertArrayEquals(back[0], br, tol, "inverse re, n=" + n);
			assertArrayEquals(back[1], bi, tol, "inverse im, n=" + n);
		}
	}

	@Test
	void factorsPreferFours() {
		assertArrayEquals(new int[] { 4, 4, 2, 5 }, ComplexFft.factorize(160));
		assertArrayEquals(new int[] { 181 }, ComplexFft.factorize(181));
		assertArrayEquals(new int[] { 7, 31 }, ComplexFft.factorize(217));
		assertEquals(2, Rader.primitiveRoot(181));
		assertEquals(6, Rader.primitiveRoot(41));
		assertThrows(IllegalArgumentException.class, () -> new ComplexFft(0));
	}

	@Test
	void lineFilterWithUnitMaskGivesTheVolumeBackOnEveryAxisAndThreadCount() {
		final int[] size = { 7, 6, 5 };
		final float[][] v = new float[5][42];
		final SplittableRandom r = new SplittableRandom(2);
		for (final float[] p : v) for (int i = 0; i < p.length; i++) p[i] = (float) r.nextDouble();
		for (int axis = 0; axis < 3; axis++) {
			final double[] ones = new double[size[axis]];
			java.util.Arrays.fill(ones, 1);
			final int a = axis;
			final PlanarImg<FloatType, FloatArray> one = Parallelization.runWithNumThreads(1, () -> KSpaceLineFilter.filter(java.util.Collections.<float[][]>singletonList(v), size, a, List.of(ones)));
			final PlanarImg<FloatType, FloatArray> four = Parallelization.runWithNumThreads(4, () -> KSpaceLineFilter.filter(java.util.Collections.<float[][]>singletonList(v), size, a, List.of(ones)));
			for (int z = 0; z < 5; z++) {
				assertArrayEquals(v[z], one.getPlane(z).getCurrentStorageArray(), 1e-6f, "axis " + axis);
				assertArrayEquals(one.getPlane(z).getCurrentStorageArray(), four.getPlane(z).getCurrentStorageArray(), 0f);
			}
		}
	}

	@Test
	void lineFilterKeepingOnlyDcAveragesEachLine() {
		final int[] size = { 4, 3, 2 };
		final float[][] v = { { 1, 2, 3, 6, 0, 0, 0, 4, 1, 1, 1, 1 }, { 2, 2, 2, 2, 9, 9, 9, 9, 0, 0, 0, 0 } };
		final double[] dc = { 1, 0, 0, 0 };
		final PlanarImg<FloatType, FloatArray> out = KSpaceLineFilter.filter(java.util.Collections.<float[][]>singletonList(v), size, 0, List.of(dc));
		assertArrayEquals(new float[] { 3, 3, 3, 3, 1, 1, 1, 1, 1, 1, 1, 1 }, out.getPlane(0).getCurrentStorageArray(), 1e-6f);
		assertEquals(9, out.getPlane(1).getCurrentStorageArray()[5], 1e-6f);
	}
}
