package org.medprep.core.spatial;

import java.util.Arrays;

import org.medprep.core.Geometry;

/**
 * The tutorials' {@code scipy.ndimage.zoom} resize: the output has the given
 * size and its first and last voxel centres sit on the input's first and last
 * voxel centres ({@code grid_mode=False}), so input index =
 * {@code out * (n_in - 1) / (n_out - 1)}. Geometry: same origin and direction,
 * spacing {@code s * (n_in - 1) / (n_out - 1)}, so the output overlays the
 * input in physical space.
 */
public final class ResizeToShape implements SpatialOperation {

	private final long[] shape;

	/** @throws IllegalArgumentException if a size is not positive */
	public ResizeToShape(final long[] shape) {
		if (shape == null || shape.length != 3) throw new IllegalArgumentException("shape needs 3 values (x, y, z)");
		for (int d = 0; d < 3; d++)
			if (shape[d] < 1) throw new IllegalArgumentException("shape along " + "xyz".charAt(d) + " must be >= 1, got " + shape[d]);
		this.shape = shape.clone();
	}

	/**
	 * Resize by a scale factor per axis, scipy's output size
	 * {@code round(n * scale)} with Python's rounding, half to even
	 * ({@code 23 x 1.5 = 34.5} gives 34, as {@code scipy.ndimage.zoom} does).
	 * @throws IllegalArgumentException if a scale is not positive and finite
	 */
	public static ResizeToShape byScale(final Grid source, final double[] scale) {
		if (scale == null || scale.length != 3) throw new IllegalArgumentException("scale needs 3 values (x, y, z)");
		final long[] shape = new long[3];
		for (int d = 0; d < 3; d++) {
			if (!(scale[d] > 0) || !Double.isFinite(scale[d]))
				throw new IllegalArgumentException("scale along " + "xyz".charAt(d) + " must be positive and finite, got " + scale[d]);
			shape[d] = Math.max(1, (long) Math.rint(source.size(d) * scale[d]));
		}
		return new ResizeToShape(shape);
	}

	public long[] shape() { return shape.clone(); }

	@Override
	public SpatialPlan plan(final Grid source) {
		final Geometry g = source.geometry();
		final double[] spacing = new double[3];
		for (int d = 0; d < 3; d++) {
			final long in = source.size(d);
			if (shape[d] == 1) spacing[d] = g.spacing(d) * in;
			else if (in == 1) throw new IllegalArgumentException("cannot stretch a single voxel along " + "xyz".charAt(d) + " to " + shape[d] + " voxels");
			else spacing[d] = g.spacing(d) * (in - 1) / (shape[d] - 1);
		}
		return SpatialPlan.of(source, Grid.of(shape, g.withSpacing(spacing)), PhysicalAffine.identity());
	}

	@Override
	public String toString() {
		return "Resize to Shape " + Arrays.toString(shape);
	}
}
