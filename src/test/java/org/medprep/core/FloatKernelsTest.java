package org.medprep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Both forms of every {@link FloatKernels} loop (four voxels at a time, and plain) give the bits
 * of the voxel's formula in double rounded to float, for lengths that leave every remainder after
 * the groups of four, on special values (NaN of both signs, signed zeros, infinities, subnormals,
 * the window's edges) and noise. The JVM that runs the suite takes one form in the operations;
 * this test runs both.
 */
class FloatKernelsTest {

	private static final float[] SPECIAL = { Float.NaN, Float.intBitsToFloat(0xffc00001), 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE,
		Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.MAX_VALUE, -Float.MAX_VALUE, -160, 240, -160.00002f, 239.99998f, 1e-40f, -3e-39f };

	private static float[] values(final int n, final long seed) {
		final Random random = new Random(seed);
		final float[] v = new float[n];
		for (int i = 0; i < n; i++)
			v[i] = random.nextInt(4) == 0 ? SPECIAL[random.nextInt(SPECIAL.length)] : (float) (random.nextGaussian() * 500 - 100);
		return v;
	}

	private interface Kernel {
		void run(float[] in, float[] out, boolean unrolled);
	}

	private interface Formula {
		float of(float x);
	}

	private static void check(final String name, final Kernel kernel, final Formula formula) {
		for (int n = 0; n <= 13; n++) check(name, kernel, formula, values(n, n));
		check(name, kernel, formula, values(100_003, 7));
		check(name, kernel, formula, SPECIAL);
	}

	private static void check(final String name, final Kernel kernel, final Formula formula, final float[] in) {
		for (final boolean unrolled : new boolean[] { true, false }) {
			final float[] out = new float[in.length];
			kernel.run(in, out, unrolled);
			for (int i = 0; i < in.length; i++)
				assertEquals(Float.floatToRawIntBits(formula.of(in[i])), Float.floatToRawIntBits(out[i]),
					name + (unrolled ? ", four at a time," : ", plain,") + " voxel " + i + " of " + in.length + " (" + in[i] + ")");
		}
	}

	@Test
	void scaledIsTheZScoreFormula() {
		check("scaled", (in, out, u) -> FloatKernels.scaled(in, out, -123.25, 1 / 321.5, u), x -> (float) ((x - -123.25) * (1 / 321.5)));
	}

	@Test
	void affineIsTheMinMaxFormula() {
		check("affine", (in, out, u) -> FloatKernels.affine(in, out, -1, -2000.5, 2 / 5000.0, u), x -> (float) (-1 + (x - -2000.5) * (2 / 5000.0)));
	}

	@Test
	void unitWindowIsTheClampedDouble() {
		// the clamp of the double, as the general path computes it, then rounded
		for (final double[] window : new double[][] { { -160, 1 / 400.0 }, { 0, 1 / 200.0 }, { -0.0, 1e-30 }, { 1e30, 3.0 } })
			check("unit window " + window[0], (in, out, u) -> FloatKernels.unitWindow(in, out, window[0], window[1], u),
				x -> (float) Math.max(0, Math.min(1, (x - window[0]) * window[1])));
	}

	@Test
	void unitWindowKnownAnswers() {
		final float[] in = { -200, -160, 40, 240, 300, Float.NaN, -0f };
		final float[] out = new float[in.length];
		for (final boolean unrolled : new boolean[] { true, false }) {
			FloatKernels.unitWindow(in, out, -160, 1 / 400.0, unrolled);
			assertEquals(0f, out[0]);
			assertEquals(0f, out[1]);
			assertEquals(0.5f, out[2]);
			assertEquals(1f, out[3]);
			assertEquals(1f, out[4]);
			assertEquals(Float.NaN, out[5]);
			assertEquals(0.4f, out[6]);
		}
	}

	@Test
	void unitWindowBytesIsTheRoundedClamp() {
		for (final double[] window : new double[][] { { -160, 400 }, { 0, 200 }, { -0.0, 1e-30 }, { 1e30, 3.0 } }) {
			final Random random = new Random(11);
			for (final float[] in : new float[][] { values(100_003, 5), SPECIAL, values(7, 2) }) {
				final byte[] out = new byte[in.length];
				FloatKernels.unitWindowBytes(in, out, window[0], window[1]);
				for (int i = 0; i < in.length; i++)
					assertEquals((byte) Math.round(255 * Math.max(0, Math.min(1, (in[i] - window[0]) / window[1]))), out[i],
						"window " + window[0] + ", voxel " + i + " (" + in[i] + ")");
			}
		}
	}

	@Test
	void toByteRoundsAsMathRoundOnEveryHalfAndItsNeighbours() {
		final java.util.List<Double> ys = new java.util.ArrayList<>();
		for (int k = 0; k <= 256; k++) {
			// values of y whose 255 y falls on, or one or a few doubles beside, k - 0.5, k and k + 0.5
			for (final double target : new double[] { k - 0.5, k, k + 0.5 }) {
				double y = target / 255;
				for (int s = 0; s < 4; s++) y = Math.nextDown(y);
				for (int s = 0; s < 9; s++, y = Math.nextUp(y)) ys.add(y);
			}
		}
		for (final double y : new double[] { 0.49999999999999994 / 255, 0.5 / 255, -0.0, 0.0, Double.MIN_VALUE, -Double.MIN_VALUE, 1, Math.nextUp(1.0),
			Math.nextDown(1.0), 2, -1, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300 })
			ys.add(y);
		for (final double y : ys)
			assertEquals((byte) Math.round(255 * Math.max(0, Math.min(1, y))), FloatKernels.toByte(y), "y = " + y + " (255 y = " + 255 * y + ")");
	}

	@Test
	void noProductGivesTheDoubleBelowOneHalf() {
		// toByte's v + 0.5 would round 0.49999999999999994 up to 1; 255 y never lands on it
		final double belowHalf = Math.nextDown(0.5);
		double y = belowHalf / 255;
		for (int s = 0; s < 100_000; s++) y = Math.nextDown(y);
		int products = 0;
		for (int s = 0; s < 200_000; s++, y = Math.nextUp(y)) {
			final double v = 255 * y;
			if (v == belowHalf) throw new AssertionError("255 * " + y + " is " + v);
			if (v > 0.4999999999999 && v < 0.5) products++;
		}
		assertEquals(true, products > 500, "the scan covers the products just below 0.5");
	}

	@Test
	void javaVersionsParse() {
		assertEquals(8, FloatKernels.javaFeature("1.8"));
		assertEquals(17, FloatKernels.javaFeature("17"));
		assertEquals(25, FloatKernels.javaFeature("25"));
		assertEquals(8, FloatKernels.javaFeature("unknown"));
		assertEquals(FloatKernels.javaFeature(System.getProperty("java.specification.version")) < 19, FloatKernels.UNROLLED);
	}
}
