package org.medprep.core.augment;

import org.medprep.core.spatial.DisplacementField;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialPlan;

/**
 * The concrete parameters one random spatial transform drew: deterministic
 * from here on. {@link #toString} is the record that goes into the history
 * (every number needed to replay the draw).
 */
public interface SpatialDraw {

	/** Where the output lies and how it pulls from the input. */
	SpatialPlan plan(Grid source);

	/** A displacement added after the plan's affine, on the plan's target grid; null for none. */
	default DisplacementField field(final Grid target) {
		return null;
	}
}
