package org.medprep.core.spatial;

/**
 * A displacement (mm, LPS) for every voxel of an output grid, added to the
 * point an affine pull-back gives: the resampler reads the input at
 * {@code T(p) + d(p)}. Implementations must be safe to call from several
 * threads for different rows.
 */
public interface DisplacementField {

	/** The grid the field is defined on (the resampling's output grid). */
	Grid grid();

	/** Fills the displacement of the voxels {@code (0..nx-1, y, z)}, in mm along the physical x, y, z axes. */
	void row(int y, int z, double[] dx, double[] dy, double[] dz);
}
