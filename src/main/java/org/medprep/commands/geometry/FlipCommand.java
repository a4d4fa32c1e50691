package org.medprep.commands.geometry;

import org.medprep.core.Subject;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Flip;
import org.medprep.core.spatial.Sampling;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Flip", "flip_x=true flip_y=false flip_z=false")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Flip",
	description = "Mirror the voxels along the chosen axes; the geometry is kept, so the content is mirrored in the patient.")
public class FlipCommand extends GeometryCommand {

	@Parameter(label = "Flip x", description = "Mirror along x (left-right for axial images).")
	private boolean flip_x = true;

	@Parameter(label = "Flip y", description = "Mirror along y.")
	private boolean flip_y = false;

	@Parameter(label = "Flip z", description = "Mirror along z.")
	private boolean flip_z = false;

	@Override
	protected SpatialPlan plan(final Subject in) {
		return new Flip(flip_x, flip_y, flip_z).plan(in.grid());
	}

	@Override
	protected Sampling sampling() {
		return Sampling.labels();
	}

	@Override
	protected String titleSuffix() {
		return "flipped";
	}
}
