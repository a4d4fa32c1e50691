package org.medprep.commands.geometry;

import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;

/** The interpolation / boundary / fill options of the commands that resample into the input grid. */
final class ResamplingOptions {

	private ResamplingOptions() {}

	static Sampling of(final String interpolation, final String boundary, final double fill) {
		return Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.fromLabel(boundary), fill);
	}
}
