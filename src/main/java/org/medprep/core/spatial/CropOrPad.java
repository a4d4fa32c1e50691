package org.medprep.core.spatial;

import java.util.Arrays;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * Crops or pads each axis to a size, centred: the first
 * {@code floor(|n - n'| / 2)} voxels are removed (or added) at the start and
 * the rest at the end. Spacing and direction are kept, the origin moves so
 * that every kept voxel stays at its physical position. Added voxels get the
 * pad value.
 */
public final class CropOrPad implements SpatialOperation {

	private final long[] shape;

	/** @throws IllegalArgumentException if a size is not positive */
	public CropOrPad(final long[] shape) {
		this.shape = new ResizeToShape(shape).shape();
	}

	public long[] shape() { return shape.clone(); }

	@Override
	public SpatialPlan plan(final Grid source) {
		final long[] start = new long[3];
		for (int d = 0; d < 3; d++) {
			final long diff = source.size(d) - shape[d];
			start[d] = diff >= 0 ? diff / 2 : -((-diff) / 2);
		}
		return SpatialPlan.window(source, start, shape);
	}

	/** Crops or pads with nearest neighbour (values are copied exactly, the type is kept). */
	public Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> volume, final double padValue) {
		return apply(volume, Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, padValue));
	}

	@Override
	public String toString() {
		return "Crop or Pad " + Arrays.toString(shape);
	}
}
