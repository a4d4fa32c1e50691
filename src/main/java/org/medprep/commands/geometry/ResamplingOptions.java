package org.medprep.commands.geometry;

import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;

/**
 * The interpolation / boundary / fill options of the geometry commands as the
 * sampling they ask for: commands that read the input the same way get it from
 * one method here, so they cannot drift apart.
 */
final class ResamplingOptions {

	private ResamplingOptions() {}

	/** The commands that resample into the input grid (Rotate, Zoom, Shift), where the user picks the boundary. */
	static Sampling of(final String interpolation, final String boundary, final double fill) {
		return Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.fromLabel(boundary), fill);
	}

	/** Resize to Shape and Resize by Scale: read as scipy.ndimage.zoom reads, mode='constant' with cval=0. */
	static Sampling zoom(final String interpolation) {
		return Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.CONSTANT, 0);
	}

	/**
	 * Resample to Reference and Invert Spatial History, which put the input onto
	 * another grid: ITK's convention, the edge value within the voxel box and the
	 * fill value beyond it.
	 */
	static Sampling ontoAnotherGrid(final String interpolation, final double fill) {
		return Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.BOX, fill);
	}
}
