package org.medprep.commands.geometry;

import org.medprep.core.Subject;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.CropOrPad;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Crop or Pad", "size_x=128 size_y=128 size_z=64 pad_value=-1000")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Crop or Pad",
	description = "Crop or pad each axis to a size, centred; the origin moves so kept voxels stay in place; added voxels get the pad value.")
public class CropOrPadCommand extends ToShapeCommand {

	@Parameter(label = "Pad value", description = "Value of added voxels (e.g. -1000 HU for air, 0 for labels).")
	private double pad_value = 0;

	@Override
	protected SpatialPlan plan(final Subject in) {
		return new CropOrPad(shape()).plan(in.grid());
	}

	@Override
	protected Sampling sampling() {
		return Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, pad_value);
	}

	@Override
	protected String titleSuffix() {
		return "cropped";
	}
}
