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
	void javaVersionsParse() {
		assertEquals(8, FloatKernels.javaFeature("1.8"));
		assertEquals(17, FloatKernels.javaFeature("17"));
		assertEquals(25, FloatKernels.javaFeature("25"));
		assertEquals(8, FloatKernels.javaFeature("unknown"));
		assertEquals(FloatKernels.javaFeature(System.getProperty("java.specification.version")) < 19, FloatKernels.UNROLLED);
	}
}
