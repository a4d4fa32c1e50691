package org.medprep.commands.geometry;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Subject;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.ResampleToSpacing;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.SpatialStep;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;


/** {@code run("Resample to Spacing", "spacing_x=1 spacing_y=1 spacing_z=1 interpolation=linear")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Geometry>Resample to Spacing",
	description = "Resample to a voxel spacing in mm covering the same physical box (the result overlays the input); Gaussian anti-aliasing when downsampling.")
public class ResampleToSpacingCommand extends GeometryCommand {

	@Parameter(label = "Spacing x (mm)", validater = "checkSpacing", description = "Target voxel size along x in mm (> 0).")
	private double spacing_x = 1;

	@Parameter(label = "Spacing y (mm)", validater = "checkSpacing", description = "Target voxel size along y in mm (> 0).")
	private double spacing_y = 1;

	@Parameter(label = "Spacing z (mm)", validater = "checkSpacing", description = "Target voxel size along z in mm (> 0).")
	private double spacing_z = 1;

	/**
	 * A spacing is a length, along every axis. The validater of all three
	 * options: the first axis in x, y, z order that is not > 0 is the one named,
	 * as when each option had a check of its own.
	 */
	private void checkSpacing() {
		InputChecks.refuse(this, InputChecks.positive("spacing_x", spacing_x));
		InputChecks.refuse(this, InputChecks.positive("spacing_y", spacing_y));
		InputChecks.refuse(this, InputChecks.positive("spacing_z", spacing_z));
	}

	@ChoicesOf(Interpolation.class)
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline", "label (one-hot linear)" },
		description = "nearest or label for label maps; linear or cubic B-spline (scipy order 3) for images.")
	private String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Anti-alias", description = "Smooth with a Gaussian of sigma (factor - 1) / 2 voxels along downsampled axes (images only).")
	private boolean anti_alias = true;

	@Parameter(label = "Separate coarse axis", description = "nnU-Net's anisotropic handling: if the spacing ratio exceeds 3, interpolate along the coarse axis separately.")
	private boolean anisotropic = false;

	@ChoicesOf(value = Interpolation.class, only = { "NEAREST", "LINEAR" })
	@Parameter(label = "Coarse axis interpolation", choices = { "nearest", "linear" },
		description = "Interpolation along the coarse axis when it is treated separately.")
	private String coarse_method = Interpolation.NEAREST.label();

	private ResampleToSpacing op() {
		return new ResampleToSpacing(new double[] { spacing_x, spacing_y, spacing_z }, anti_alias);
	}

	@Override
	protected SpatialStep step(final Subject in, final StepRecord record) {
		final ResampleToSpacing op = op();
		final Grid source = in.grid();
		final SpatialStep step = SpatialStep.of(op.plan(source), sampling(op, source), labelInterpolation());
		return op.smoothsBeforeResampling(source, step.imageSampling()) ? step.withPrefilter(op::smooth) : step;
	}

	@Override
	protected SpatialPlan plan(final Subject in) {
		return op().plan(in.grid());
	}

	@Override
	protected Sampling sampling() {
		return Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.NEAREST, 0);
	}

	private Sampling sampling(final ResampleToSpacing op, final Grid source) {
		final int axis = anisotropic ? op.anisotropicAxis(source) : -1;
		return axis < 0 ? sampling() : sampling().withCoarseAxis(axis, Interpolation.fromLabel(coarse_method));
	}

	@Override
	protected String titleSuffix() {
		return "resampled";
	}
}
