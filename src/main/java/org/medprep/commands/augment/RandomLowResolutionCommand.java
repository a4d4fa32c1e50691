package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.Labels;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.medprep.core.augment.intensity.RandomLowResolution;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Random Low Resolution", "mode=[nnU-Net (every axis)] scale_min=0.5 scale_max=1 same_for_all_axes=true allowed_axes=xyz p=0.125 seed=42")}:
 * nnU-Net's defaults (the p of one channel: 0.25 times its p_per_channel of 0.5).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Low Resolution",
	description = "Downsample by a random factor and back (nnU-Net's SimulateLowResolutionTransform, TorchIO's RandomAnisotropy).")
public class RandomLowResolutionCommand extends IntensityAugmentCommand {

	static final String NNUNET = "nnU-Net (every axis)", ANISOTROPY = "TorchIO anisotropy (one axis)";

	@ChoicesOf(RandomLowResolution.Mode.class)
	@Parameter(label = "Mode", choices = { NNUNET, ANISOTROPY },
		description = "nnU-Net: every allowed axis shrunk by its scale (nearest), back by trilinear; TorchIO: one random allowed axis' spacing multiplied by a downsampling factor.")
	private String mode = NNUNET;

	@Parameter(label = "Scale min", description = "nnU-Net mode: smallest size factor, in (0, 1] (0.5 halves the voxels of an axis).")
	private double scale_min = 0.5;

	@Parameter(label = "Scale max", description = "nnU-Net mode: largest size factor, in [scale_min, 1].")
	private double scale_max = 1;

	@Parameter(label = "Same for all axes", description = "nnU-Net mode: one scale for all allowed axes (nnU-Net's synchronize_axes).")
	private boolean same_for_all_axes = true;

	@Parameter(label = "Downsampling min", description = "TorchIO mode: smallest spacing factor (>= 1).")
	private double downsampling_min = 1.5;

	@Parameter(label = "Downsampling max", description = "TorchIO mode: largest spacing factor (>= downsampling_min).")
	private double downsampling_max = 5;

	@Parameter(label = "Allowed axes", description = "The axes that may be downsampled, e.g. xyz, or z for through-plane only.")
	private String allowed_axes = "xyz";

	@Override
	protected RandomIntensityTransform transform() {
		final boolean[] allowed = AxesOption.parse(allowed_axes);
		final RandomLowResolution.Mode m = Labels.parse(RandomLowResolution.Mode.class, mode, "mode");
		return m == RandomLowResolution.Mode.NNUNET ? new RandomLowResolution(m, scale_min, scale_max, same_for_all_axes, allowed)
			: new RandomLowResolution(m, downsampling_min, downsampling_max, false, allowed);
	}

	@Override
	protected String titleSuffix() {
		return "rlowres";
	}
}
