package org.medprep.core.spatial;

/**
 * The exact cubic B-spline prefilter (Unser, Aldroubi and Eden 1993): turns
 * samples into B-spline coefficients so that the spline interpolates them.
 * A causal and an anti-causal first-order recursion with the pole
 * {@code z = sqrt(3) - 2} and the gain {@code 6}.
 * <p>
 * The initial conditions are those of scipy.ndimage's {@code spline_filter1d}
 * (ni_splines.c): whole-sample mirror ({@code mode='mirror'}, also used for
 * {@code 'constant'}), and half-sample reflection for {@code 'nearest'}, where
 * scipy first pads the input with 12 edge values (done by the caller).
 */
public final class BSplinePrefilter {

	/** The pole of the cubic B-spline prefilter. */
	public static final double POLE = Math.sqrt(3) - 2;
	private static final double GAIN = (1 - POLE) * (1 - 1 / POLE);

	private BSplinePrefilter() {}

	/** Filters {@code c[from, from + n)} in place, whole-sample mirror boundaries. */
	public static void mirror(final double[] c, final int from, final int n) {
		if (n < 2) return;
		final double z = POLE;
		for (int i = from; i < from + n; i++) c[i] *= GAIN;
		// causal initial value: the mirrored signal summed exactly over one period
		final double zn1 = Math.pow(z, n - 1);
		double c0 = c[from] + zn1 * c[from + n - 1];
		double zi = z;
		for (int i = 1; i < n - 1; i++) {
			c0 += zi * (c[from + i] + zn1 * c[from + n - 1 - i]);
			zi *= z;
		}
		c[from] = c0 / (1 - zn1 * zn1);
		for (int i = from + 1; i < from + n; i++) c[i] += z * c[i - 1];
		final int last = from + n - 1;
		c[last] = (z * c[last - 1] + c[last]) * z / (z * z - 1);
		for (int i = last - 1; i >= from; i--) c[i] = z * (c[i + 1] - c[i]);
	}

	/** Filters {@code c[from, from + n)} in place, half-sample reflection boundaries. */
	public static void reflect(final double[] c, final int from, final int n) {
		if (n < 2) return;
		final double z = POLE;
		for (int i = from; i < from + n; i++) c[i] *= GAIN;
		final double zn = Math.pow(z, n);
		final double first = c[from];
		double c0 = c[from] + zn * c[from + n - 1];
		double zi = z;
		for (int i = 1; i < n; i++) {
			c0 += zi * (c[from + i] + zn * c[from + n - 1 - i]);
			zi *= z;
		}
		c[from] = c0 * z / (1 - zn * zn) + first;
		for (int i = from + 1; i < from + n; i++) c[i] += z * c[i - 1];
		final int last = from + n - 1;
		c[last] *= z / (z - 1);
		for (int i = last - 1; i >= from; i--) c[i] = z * (c[i + 1] - c[i]);
	}
}
