package org.medprep.core.spatial;

/**
 * The uniform cubic B-spline kernel, the one place its four weights are
 * written: B-spline interpolation ({@link Resampler}), the elastic control
 * grid ({@link ControlGridDisplacementField}), N4's bias-field lattice and the
 * Parzen window of Mattes mutual information all weigh their 4 neighbours with it.
 */
public final class CubicBSpline {

	private CubicBSpline() {}

	/**
	 * The weights of the 4 samples at offsets -1, 0, 1, 2 from the point at
	 * fraction {@code t} in [0, 1] past sample 0, into {@code w[at..at+3]}; they sum to 1.
	 */
	public static void weights(final double t, final double[] w, final int at) {
		final double t2 = t * t, t3 = t2 * t, u = 1 - t;
		w[at] = u * u * u / 6;
		w[at + 1] = (3 * t3 - 6 * t2 + 4) / 6;
		w[at + 2] = (-3 * t3 + 3 * t2 + 3 * t + 1) / 6;
		w[at + 3] = t3 / 6;
	}
}
