package org.medprep.commands.geometry;

import org.medprep.commands.SpatialCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.SpatialStep;

/**
 * A deterministic spatial command: plans the step from the subject's grid
 * (or its voxels, for a crop to the foreground) and reads the scalar images
 * with its sampling; the plan goes into the history, so that
 * {@code Invert Spatial History} can bring results back onto the original grid.
 */
public abstract class GeometryCommand extends SpatialCommand {

	/** The step's plan for this subject. */
	protected abstract SpatialPlan plan(Subject in);

	/** How scalar images are read. */
	protected abstract Sampling sampling();

	@Override
	protected SpatialStep step(final Subject in, final StepRecord record) {
		return SpatialStep.of(plan(in), sampling(), labelInterpolation());
	}
}
