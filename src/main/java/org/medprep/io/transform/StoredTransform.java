package org.medprep.io.transform;

import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

/**
 * A transform read from a file: the map from fixed to moving patient
 * coordinates (mm, LPS; ITK's and elastix's registration transform, the
 * pull-back a resampling needs), its centre, and the fixed grid when the file
 * names one (elastix files do, ITK files do not). Immutable.
 */
public final class StoredTransform {

	private final PhysicalAffine transform;
	private final double[] centre;
	private final Grid fixedGrid;

	public StoredTransform(final PhysicalAffine transform, final double[] centre, final Grid fixedGrid) {
		if (transform == null) throw new IllegalArgumentException("transform must not be null");
		this.transform = transform;
		this.centre = centre == null ? new double[3] : centre.clone();
		this.fixedGrid = fixedGrid;
	}

	/** Fixed mm to moving mm. */
	public PhysicalAffine transform() { return transform; }
	/** The fixed point of the linear part as the file gives it (the origin if none). */
	public double[] centre() { return centre.clone(); }
	/** The grid the moving image is resampled onto, or null if the file does not say. */
	public Grid fixedGrid() { return fixedGrid; }
}
