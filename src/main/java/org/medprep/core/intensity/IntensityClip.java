package org.medprep.core.intensity;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** Limits every voxel to [min, max] (numpy.clip). NaN stays NaN. */
public final class IntensityClip {

	private final double min;
	private final double max;

	/** @throws IllegalArgumentException if min > max or either is NaN */
	public IntensityClip(final double min, final double max) {
		if (Double.isNaN(min) || Double.isNaN(max)) throw new IllegalArgumentException("clip limits must be numbers, got min=" + min + " max=" + max);
		if (min > max) throw new IllegalArgumentException("clip min (" + min + ") must not exceed max (" + max + ")");
		this.min = min;
		this.max = max;
	}

	public Volume<FloatType> apply(final Volume<? extends RealType<?>> volume) {
		final double min = this.min, max = this.max;
		final Planes.FloatRun clip = (in, n, out, at) -> {
			for (int i = 0; i < n; i++) out[at + i] = (float) clamp(in[i], min, max);
		};
		// float input is clamped in float, to the limits rounded to float: rounding keeps the order of
		// values, so a float voxel is below a limit exactly when it is below the rounded limit or equal
		// to it, and the bits are those of clamping the double (Math orders -0.0 below 0.0 and keeps NaN
		// in both); min and max on floats are vector instructions, where comparisons branch on each voxel
		final float lo = (float) min, hi = (float) max;
		return volume.withData(Planes.mapFloats(volume.data(), clip, (in, out) -> {
			for (int i = 0; i < out.length; i++) out[i] = Math.max(lo, Math.min(hi, in[i]));
		}));
	}

	/** min/max keep NaN as NaN (as numpy.clip) and compile to branch-free code. */
	static double clamp(final double x, final double lo, final double hi) {
		return Math.max(lo, Math.min(hi, x));
	}
}
