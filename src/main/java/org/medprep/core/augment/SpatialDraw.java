package org.medprep.core.augment;

import org.medprep.core.History;
import org.medprep.core.spatial.DisplacementField;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialPlan;

/**
 * The concrete parameters one random spatial transform drew: deterministic
 * from here on. {@link #record} adds them to the step's history record (every
 * number needed to see what was drawn; the seed on the step's line replays it).
 */
public interface SpatialDraw {

	/** Where the output lies and how it pulls from the input. */
	SpatialPlan plan(Grid source);

	/** A displacement added after the plan's affine, on the plan's target grid; null for none. */
	default DisplacementField field(final Grid target) {
		return null;
	}

	/** The step's history record with the drawn parameters (and a field's description) added. */
	History.Step record(History.Step step);
}
