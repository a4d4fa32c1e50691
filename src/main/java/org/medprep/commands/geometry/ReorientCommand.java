package org.medprep.commands.geometry;

import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Orientation;
import org.medprep.core.spatial.Reorient;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Reorient", "orientation=RAS label=seg")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Reorient",
	description = "Permute and mirror the voxel axes to an orientation code (RAS as TorchIO's ToCanonical, LPS as DICOM, or any of the 48 codes); "
		+ "no resampling, every voxel keeps its value and place, the geometry follows.")
public class ReorientCommand extends GeometryCommand {

	@Parameter(label = "Orientation",
		description = "Three letters naming where x, y and z run towards (nibabel's convention): one of L/R, one of A/P, one of S/I, e.g. RAS, LPS, PIR.")
	private String orientation = "RAS";

	private Reorient op() {
		return new Reorient(Orientation.parse(orientation));
	}

	@Override
	protected SpatialPlan plan(final Volume<? extends RealType<?>> in) {
		return op().plan(Grid.of(in));
	}

	/** The exact permutation (the type is kept), not a resampling. */
	@Override
	@SuppressWarnings({ "unchecked", "rawtypes" })
	protected Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> in, final SpatialPlan plan) {
		return op().apply((Volume) in);
	}

	@Override
	protected Sampling sampling() {
		return Sampling.labels();
	}

	@Override
	protected String titleSuffix() {
		return orientation.trim().toUpperCase(java.util.Locale.ROOT);
	}
}
