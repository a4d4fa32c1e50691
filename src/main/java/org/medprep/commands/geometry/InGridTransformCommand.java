package org.medprep.commands.geometry;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.scijava.plugin.Parameter;

/**
 * A transform resampled into the input's own grid (Rotate, Zoom, Shift): the
 * options for how it reads the input are the same for all of them.
 */
public abstract class InGridTransformCommand extends GeometryCommand {

	@ChoicesOf(Interpolation.class)
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "nearest or label for label maps; linear or cubic B-spline for images.")
	private String interpolation = Interpolation.LINEAR.label();

	@ChoicesOf(BoundaryMode.class)
	@Parameter(label = "Boundary", choices = { "constant", "nearest", "mirror", "constant outside the voxel box" },
		description = "What lies beyond the input: the fill value (scipy), the edge value, a mirror image, or the edge value within the voxel box and the fill value beyond (ITK).")
	private String boundary = "constant";

	@Parameter(label = "Fill value", description = "Value outside the input for the constant boundary (e.g. -1000 HU for air).")
	private double fill = 0;

	@Override
	protected Sampling sampling() {
		return ResamplingOptions.of(interpolation, boundary, fill);
	}
}
