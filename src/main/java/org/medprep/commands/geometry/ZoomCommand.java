package org.medprep.commands.geometry;

import org.medprep.core.Subject;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Zoom;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Zoom", "zoom_x=1.2 zoom_y=1.2 zoom_z=1.2 interpolation=linear boundary=constant fill=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Zoom",
	description = "Scale the content about the volume centre (2 = twice as large), resampled into the same grid.")
public class ZoomCommand extends InGridTransformCommand {

	@Parameter(label = "Zoom x", description = "Factor along x (> 0).")
	private double zoom_x = 1.2;

	@Parameter(label = "Zoom y", description = "Factor along y (> 0).")
	private double zoom_y = 1.2;

	@Parameter(label = "Zoom z", description = "Factor along z (> 0).")
	private double zoom_z = 1.2;

	@Override
	protected SpatialPlan plan(final Subject in) {
		return new Zoom(new double[] { zoom_x, zoom_y, zoom_z }).plan(in.grid());
	}

	@Override
	protected String titleSuffix() {
		return "zoomed";
	}
}
