package org.medprep.commands.augment;

import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.medprep.core.augment.intensity.RandomSwap;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Swap", "patch_x=15 patch_y=15 patch_z=15 iterations=100 p=1 seed=42")}: TorchIO's defaults. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Swap",
	description = "Swap random pairs of patches, one pair after the other (TorchIO's RandomSwap, for context restoration).")
public class RandomSwapCommand extends IntensityAugmentCommand {

	@Parameter(label = "Patch x", min = "1", description = "Patch size along x in voxels.")
	private int patch_x = 15;

	@Parameter(label = "Patch y", min = "1", description = "Patch size along y in voxels.")
	private int patch_y = 15;

	@Parameter(label = "Patch z", min = "1", description = "Patch size along z in voxels.")
	private int patch_z = 15;

	@Parameter(label = "Iterations", min = "0", description = "Number of swaps (TorchIO's num_iterations).")
	private int iterations = 100;

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomSwap(new int[] { patch_x, patch_y, patch_z }, iterations);
	}

	@Override
	protected String titleSuffix() {
		return "rswap";
	}
}
