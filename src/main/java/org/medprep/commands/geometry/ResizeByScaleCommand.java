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

/** {@code run("Resize by Scale", "scale_x=0.5 scale_y=0.5 scale_z=0.5 interpolation=linear")}: scipy.ndimage.zoom by factors. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Resize by Scale",
	description = "Resize by a factor per axis (output size round(n * scale)), corner voxel centres aligned as scipy.ndimage.zoom.")
public class ResizeByScaleCommand extends GeometryCommand {

	@Parameter(label = "Scale x", description = "Factor along x (> 0).")
	private double scale_x = 0.5;

	@Parameter(label = "Scale y", description = "Factor along y (> 0).")
	private double scale_y = 0.5;

	@Parameter(label = "Scale z", description = "Factor along z (> 0).")
	private double scale_z = 0.5;

	@ChoicesOf(Interpolation.class)
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "nearest or label for label maps; linear or cubic B-spline (scipy order 3) for images.")
	private String interpolation = Interpolation.LINEAR.label();

	@Override
	protected SpatialPlan plan(final Subject in) {
		return ResizeToShape.byScale(in.grid(), new double[] { scale_x, scale_y, scale_z }).plan(in.grid());
	}

	@Override
	protected Sampling sampling() {
		return ResamplingOptions.zoom(interpolation);
	}

	@Override
	protected String titleSuffix() {
		return "scaled";
	}
}
