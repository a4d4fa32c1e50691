package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.augment.RandomElastic;
import org.medprep.core.augment.RandomSpatialTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Elastic", "mode=dense sigma=10 alpha=8 seed=42 ...")} or {@code mode=[control grid] control_points=7 max_displacement=7.5}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Elastic",
	description = "Elastic deformation: dense (random field smoothed by a Gaussian of sigma, scaled by alpha, Simard 2003) or control grid (cubic B-spline, TorchIO).")
public class RandomElasticCommand extends AugmentCommand {

	@ChoicesOf(RandomElastic.Mode.class)
	@Parameter(label = "Mode", choices = { "dense", "control grid" }, description = "dense: Simard et al. / the tutorial; control grid: TorchIO's RandomElasticDeformation.")
	private String mode = "dense";

	@Parameter(label = "Sigma (voxels)", description = "Dense: Gaussian sigma of the field in voxels (> 0); O(N) whatever its size.")
	private double sigma = 10;

	@Parameter(label = "Alpha (voxels)", description = "Dense: scale of the smoothed field in voxels.")
	private double alpha = 8;

	@Parameter(label = "Control points", min = "4", description = "Control grid: control points per axis (>= 4).")
	private int control_points = 7;

	@Parameter(label = "Max displacement (mm)", description = "Control grid: largest displacement of a control point in mm.")
	private double max_displacement = 7.5;

	@Parameter(label = "Locked borders", min = "0", max = "2", description = "Control grid: outer layers of control points held still (0-2).")
	private int locked_borders = 2;

	@Override
	protected RandomSpatialTransform transform() {
		if ("dense".equalsIgnoreCase(mode)) return RandomElastic.dense(sigma, alpha);
		if ("control grid".equalsIgnoreCase(mode))
			return RandomElastic.controlGrid(new int[] { control_points, control_points, control_points }, max_displacement, locked_borders);
		throw new IllegalArgumentException("mode must be 'dense' or 'control grid', got '" + mode + "'");
	}

	@Override
	protected String titleSuffix() {
		return "relastic";
	}
}
