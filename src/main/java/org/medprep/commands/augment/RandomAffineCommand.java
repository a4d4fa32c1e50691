package org.medprep.commands.augment;

import org.medprep.core.augment.RandomAffine;
import org.medprep.core.augment.RandomSpatialTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Affine", "scale_min=0.9 scale_max=1.1 isotropic=false degrees_x=10 ... translation_z=5 seed=42 ...")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Affine",
	description = "Random scale, rotation and translation composed into one resampling (TorchIO's RandomAffine).")
public class RandomAffineCommand extends AugmentCommand {

	@Parameter(label = "Scale min", description = "Smallest scale factor (> 0).")
	private double scale_min = 0.9;

	@Parameter(label = "Scale max", description = "Largest scale factor (>= min).")
	private double scale_max = 1.1;

	@Parameter(label = "Isotropic scale", description = "One scale factor for all axes.")
	private boolean isotropic = false;

	@Parameter(label = "Degrees x", min = "0", description = "Largest rotation about x (degrees).")
	private double degrees_x = 10;

	@Parameter(label = "Degrees y", min = "0", description = "Largest rotation about y (degrees).")
	private double degrees_y = 10;

	@Parameter(label = "Degrees z", min = "0", description = "Largest rotation about z (degrees).")
	private double degrees_z = 10;

	@Parameter(label = "Translation x (mm)", min = "0", description = "Largest translation along x in mm.")
	private double translation_x = 0;

	@Parameter(label = "Translation y (mm)", min = "0", description = "Largest translation along y in mm.")
	private double translation_y = 0;

	@Parameter(label = "Translation z (mm)", min = "0", description = "Largest translation along z in mm.")
	private double translation_z = 0;

	@Override
	protected RandomSpatialTransform transform() {
		return new RandomAffine(scale_min, scale_max, isotropic, new double[] { degrees_x, degrees_y, degrees_z },
			new double[] { translation_x, translation_y, translation_z });
	}

	@Override
	protected String titleSuffix() {
		return "raffine";
	}
}
