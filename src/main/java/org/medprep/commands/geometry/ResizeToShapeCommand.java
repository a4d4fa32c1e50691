package org.medprep.commands.geometry;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.Subject;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.ResizeToShape;
import org.medprep.core.spatial.Sampling;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Resize to Shape", "size_x=128 size_y=128 size_z=64 interpolation=linear")}: the tutorials' scipy zoom to a shape. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Resize to Shape",
	description = "Resize to a number of voxels per axis, corner voxel centres aligned (scipy.ndimage.zoom); spacing adapts so the result overlays the input.")
public class ResizeToShapeCommand extends ToShapeCommand {

	@ChoicesOf(Interpolation.class)
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "nearest or label for label maps; linear or cubic B-spline (scipy order 3) for images.")
	private String interpolation = Interpolation.LINEAR.label();

	@Override
	protected SpatialPlan plan(final Subject in) {
		return new ResizeToShape(shape()).plan(in.grid());
	}

	@Override
	protected Sampling sampling() {
		return ResamplingOptions.zoom(interpolation);
	}

	@Override
	protected String titleSuffix() {
		return "resized";
	}
}
