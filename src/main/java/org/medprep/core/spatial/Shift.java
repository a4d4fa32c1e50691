package org.medprep.core.spatial;

import java.util.Arrays;

/**
 * Translates the content by a distance in mm along each grid axis, resampled
 * into the input grid; what moves out is lost, what comes in is filled.
 */
public final class Shift implements SpatialOperation {

	private final double[] mm;

	/** @throws IllegalArgumentException if a value is not finite */
	public Shift(final double[] mm) {
		if (mm == null || mm.length != 3) throw new IllegalArgumentException("shift needs 3 values (x, y, z) in mm");
		for (final double v : mm)
			if (!Double.isFinite(v)) throw new IllegalArgumentException("shift must be finite, got " + v);
		this.mm = mm.clone();
	}

	/** A shift in voxels of the given grid. */
	public static Shift voxels(final Grid grid, final double[] voxels) {
		final double[] mm = new double[3];
		for (int d = 0; d < 3; d++) mm[d] = voxels[d] * grid.geometry().spacing(d);
		return new Shift(mm);
	}

	public double[] millimetres() { return mm.clone(); }

	@Override
	public SpatialPlan plan(final Grid source) {
		final double[] t = new double[3];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				t[r] -= source.geometry().direction(r, c) * mm[c];
		return SpatialPlan.of(source, source, PhysicalAffine.translation(t));
	}

	@Override
	public String toString() {
		return "Shift " + Arrays.toString(mm) + " mm";
	}
}
