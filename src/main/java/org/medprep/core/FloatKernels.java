package org.medprep.core;

/**
 * The element-wise loops of the intensity operations over float32 planes, which compute each
 * voxel in double and store it as float, written for the JIT that runs them.
 * <p>
 * Java 17's JIT compiles such a loop to scalar conversions whose results wait for the previous
 * voxel's (a float-to-double conversion writes half a register and keeps the rest): a plane then
 * takes about 3.5 ns a voxel, a min-max map over a 512x512x300 float volume 300 ms on one thread.
 * Written out four voxels at a time, the four conversions use four registers and overlap: 47-55 ms.
 * From Java 19 on (JDK-8283091, measured on Java 25), the plain loop becomes vector instructions
 * (14 ms) and the written-out one does not (49 ms), so each kernel has both forms and
 * {@link #UNROLLED} chooses. Both compute every voxel with the same operations, so they give
 * the same bits (tested).
 */
public final class FloatKernels {

	/** Whether this JVM runs the loops four voxels at a time: before Java 19. */
	public static final boolean UNROLLED = javaFeature(System.getProperty("java.specification.version", "1.8")) < 19;

	private FloatKernels() {}

	/** {@code out[i] = (float) ((in[i] - sub) * mul)}: a z-score. */
	public static void scaled(final float[] in, final float[] out, final double sub, final double mul, final boolean unrolled) {
		final int n = out.length;
		int i = 0;
		if (unrolled) {
			for (; i + 3 < n; i += 4) {
				final double x0 = in[i], x1 = in[i + 1], x2 = in[i + 2], x3 = in[i + 3];
				out[i] = (float) ((x0 - sub) * mul);
				out[i + 1] = (float) ((x1 - sub) * mul);
				out[i + 2] = (float) ((x2 - sub) * mul);
				out[i + 3] = (float) ((x3 - sub) * mul);
			}
		}
		for (; i < n; i++) out[i] = (float) ((in[i] - sub) * mul);
	}

	/** {@code out[i] = (float) (add + (in[i] - sub) * mul)}: a min-max rescale. */
	public static void affine(final float[] in, final float[] out, final double add, final double sub, final double mul, final boolean unrolled) {
		final int n = out.length;
		int i = 0;
		if (unrolled) {
			for (; i + 3 < n; i += 4) {
				final double x0 = in[i], x1 = in[i + 1], x2 = in[i + 2], x3 = in[i + 3];
				out[i] = (float) (add + (x0 - sub) * mul);
				out[i + 1] = (float) (add + (x1 - sub) * mul);
				out[i + 2] = (float) (add + (x2 - sub) * mul);
				out[i + 3] = (float) (add + (x3 - sub) * mul);
			}
		}
		for (; i < n; i++) out[i] = (float) (add + (in[i] - sub) * mul);
	}

	/**
	 * {@code out[i] = (float) clamp((in[i] - sub) * mul, 0, 1)}: a window onto [0, 1]. The clamp is
	 * taken after the conversion, with float min and max: rounding to float keeps the order of
	 * values and 0 and 1 are floats, so the bits are those of clamping the double (NaN stays NaN,
	 * -0.0 becomes 0.0 either way). Min and max on floats are vector instructions, where comparisons
	 * branch on each voxel: on a noisy image (a window's edges inside the noise) Java 17 took 630 ms
	 * a 512x512x300 volume on one thread with comparisons, 45-65 ms with this. Four at a time, the
	 * clamp is a second pass over the output (the first is {@link #scaled}), which Java 17 turns
	 * into vector instructions, where min and max beside the conversions it does not.
	 */
	public static void unitWindow(final float[] in, final float[] out, final double sub, final double mul, final boolean unrolled) {
		if (unrolled) {
			scaled(in, out, sub, mul, true);
			for (int i = 0; i < out.length; i++) out[i] = Math.max(0f, Math.min(1f, out[i]));
		}
		else for (int i = 0; i < out.length; i++) out[i] = Math.max(0f, Math.min(1f, (float) ((in[i] - sub) * mul)));
	}

	/**
	 * {@code out[i] = (byte) Math.round(255 * clamp((in[i] - sub) / width, 0, 1))}: a window onto
	 * 0..255, four voxels at a time on every Java ({@link #toByte}; the division keeps it from
	 * becoming vector instructions on Java 25 too). With comparisons and Math.round, Java 17 took
	 * 117 ms a 512x512x300 float32 CT on one thread and 736 ms on a noisy volume; this 140 ms on both.
	 */
	public static void unitWindowBytes(final float[] in, final byte[] out, final double sub, final double width) {
		final int n = out.length;
		int i = 0;
		for (; i + 3 < n; i += 4) {
			final double x0 = in[i], x1 = in[i + 1], x2 = in[i + 2], x3 = in[i + 3];
			out[i] = toByte((x0 - sub) / width);
			out[i + 1] = toByte((x1 - sub) / width);
			out[i + 2] = toByte((x2 - sub) / width);
			out[i + 3] = toByte((x3 - sub) / width);
		}
		for (; i < n; i++) out[i] = toByte((in[i] - sub) / width);
	}

	/**
	 * {@code (byte) Math.round(255 * clamp(y, 0, 1))} without branches on y. For v in [0, 255],
	 * v + 0.5 truncated is Math.round(v) except for the largest double below 0.5, which adding 0.5
	 * rounds up to 1.0; 255 y is never that double (it lies 112 and 143 units of y's last place
	 * from the nearest products 255 y, and rounding reaches 64; tested). Clamping the integer
	 * instead of y gives the same 0 and 255: 255 y is at least 255 when y is at least 1 and at most
	 * 0 when y is at most 0. NaN truncates to 0, as Math.round gives it.
	 */
	static byte toByte(final double y) {
		return (byte) Math.max(0, Math.min(255, (int) (255 * y + 0.5)));
	}

	/** The major Java version of a {@code java.specification.version}: 8 for "1.8", 17 for "17". */
	static int javaFeature(final String v) {
		try {
			return v.startsWith("1.") ? Integer.parseInt(v.substring(2)) : Integer.parseInt(v.split("\\.")[0]);
		}
		catch (final NumberFormatException e) {
			return 8;
		}
	}
}
