package org.medprep.commands.augment;

import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.medprep.core.augment.intensity.RandomMotion;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Motion", "degrees_min=-10 degrees_max=10 translation_min=-10 translation_max=10 movements=2 p=1 seed=42")}: TorchIO's defaults. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Motion",
	description = "MRI motion artefact: k-space spliced from the image moved rigidly at random times (TorchIO's RandomMotion).")
public class RandomMotionCommand extends IntensityAugmentCommand {

	@Parameter(label = "Degrees min", description = "Smallest rotation about each axis, in degrees.")
	private double degrees_min = -10;

	@Parameter(label = "Degrees max", description = "Largest rotation about each axis (>= degrees_min).")
	private double degrees_max = 10;

	@Parameter(label = "Translation min (mm)", description = "Smallest translation along each axis, in mm.")
	private double translation_min = -10;

	@Parameter(label = "Translation max (mm)", description = "Largest translation along each axis (>= translation_min).")
	private double translation_max = 10;

	@Parameter(label = "Movements", min = "1", max = "100", description = "Number of simulated movements (TorchIO's num_transforms, 1-100).")
	private int movements = 2;

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomMotion(degrees_min, degrees_max, translation_min, translation_max, movements);
	}

	@Override
	protected String titleSuffix() {
		return "rmotion";
	}
}
