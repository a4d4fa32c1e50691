package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.Labels;
import org.medprep.core.augment.intensity.GaussianBlur;
import org.medprep.core.augment.intensity.RandomBlur;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Blur", "sigma_min=0.5 sigma_max=1 units=voxels same_for_all_axes=false kernel=nnU-Net p=0.1 seed=42")}: nnU-Net's blur. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Blur",
	description = "Gaussian blur with a random sigma per axis, in mm (TorchIO's RandomBlur) or voxels (nnU-Net's GaussianBlurTransform).")
public class RandomBlurCommand extends IntensityAugmentCommand {

	@Parameter(label = "Sigma min", description = "Smallest sigma (>= 0), in the chosen units.")
	private double sigma_min = 0;

	@Parameter(label = "Sigma max", description = "Largest sigma (>= sigma_min); TorchIO's default is 2 mm.")
	private double sigma_max = 2;

	@ChoicesOf(SigmaUnits.class)
	@Parameter(label = "Units", choices = { "mm", "voxels" }, description = "mm: divided by each axis' spacing (TorchIO); voxels: as nnU-Net.")
	private String units = "mm";

	@Parameter(label = "Same for all axes", description = "One sigma for all axes instead of one draw per axis.")
	private boolean same_for_all_axes = false;

	@ChoicesOf(GaussianBlur.Kernel.class)
	@Parameter(label = "Kernel", choices = { "scipy (TorchIO)", "nnU-Net" },
		description = "scipy: radius 4 sigma, reflect boundary (TorchIO); nnU-Net: odd size near 6 sigma, mirror boundary.")
	private String kernel = GaussianBlur.Kernel.SCIPY.label();

	@Override
	protected RandomIntensityTransform transform() {
		final boolean mm = Labels.parse(SigmaUnits.class, units, "units") == SigmaUnits.MM;
		return new RandomBlur(sigma_min, sigma_max, mm, same_for_all_axes, GaussianBlur.Kernel.fromLabel(kernel));
	}

	@Override
	protected String titleSuffix() {
		return "rblur";
	}
}
