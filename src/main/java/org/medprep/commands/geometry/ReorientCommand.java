package org.medprep.commands.geometry;

import org.medprep.core.Subject;
import org.medprep.core.spatial.Orientation;
import org.medprep.core.spatial.Reorient;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Reorient", "orientation=RAS label=seg")}. The plan lands on whole
 * voxels, so reading it with nearest neighbour copies every voxel in its own
 * type; fused with other spatial steps it is one more affine in their one
 * resampling.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Reorient",
	description = "Permute and mirror the voxel axes to an orientation code (RAS as TorchIO's ToCanonical, LPS as DICOM, or any of the 48 codes); "
		+ "no resampling, every voxel keeps its value and place, the geometry follows.")
public class ReorientCommand extends GeometryCommand {

	@Parameter(label = "Orientation",
		description = "Three letters naming where x, y and z run towards (nibabel's convention): one of L/R, one of A/P, one of S/I, e.g. RAS, LPS, PIR.")
	private String orientation = "RAS";

	@Override
	protected SpatialPlan plan(final Subject in) {
		return new Reorient(Orientation.parse(orientation)).plan(in.grid());
	}

	/** Whole voxels: nearest neighbour is an exact copy (the type is kept). */
	@Override
	protected Sampling sampling() {
		return Sampling.labels();
	}

	@Override
	protected String titleSuffix() {
		return orientation.trim().toUpperCase(java.util.Locale.ROOT);
	}
}
