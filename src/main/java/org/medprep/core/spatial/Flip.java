package org.medprep.core.spatial;

import java.util.Arrays;

/**
 * Mirrors the voxels along some of the grid's axes ({@code i -> n-1-i}); the
 * geometry is kept, so the content is mirrored in physical space (what an
 * augmentation wants). Flipping twice is the identity.
 */
public final class Flip implements SpatialOperation {

	private final boolean[] axes;

	public Flip(final boolean x, final boolean y, final boolean z) {
		this.axes = new boolean[] { x, y, z };
	}

	public boolean flips(final int axis) { return axes[axis]; }

	@Override
	public SpatialPlan plan(final Grid source) {
		final double[][] m = new double[3][4];
		for (int d = 0; d < 3; d++) {
			m[d][d] = axes[d] ? -1 : 1;
			m[d][3] = axes[d] ? source.size(d) - 1 : 0;
		}
		return SpatialPlan.fromIndexMap(source, source, PhysicalAffine.of(m));
	}

	@Override
	public String toString() {
		return "Flip " + Arrays.toString(axes);
	}
}
