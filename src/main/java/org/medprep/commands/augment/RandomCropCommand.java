package org.medprep.commands.augment;

import org.medprep.core.augment.RandomCrop;
import org.medprep.core.augment.RandomSpatialTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Crop", "size_x=96 size_y=96 size_z=64 pos=1 neg=1 seed=42 label=seg ...")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Crop",
	description = "Crop a fixed size at a random position; with a label image, centred on foreground with probability pos/(pos+neg) (MONAI RandCropByPosNegLabel).")
public class RandomCropCommand extends AugmentCommand {

	@Parameter(label = "Size x", min = "1", description = "Crop voxels along x.")
	private long size_x = 96;

	@Parameter(label = "Size y", min = "1", description = "Crop voxels along y.")
	private long size_y = 96;

	@Parameter(label = "Size z", min = "1", description = "Crop voxels along z.")
	private long size_z = 64;

	@Parameter(label = "Positive weight", min = "0", description = "With a label image: weight of crops centred on a foreground voxel.")
	private double pos = 1;

	@Parameter(label = "Negative weight", min = "0", description = "With a label image: weight of crops centred on a background voxel.")
	private double neg = 1;

	@Override
	protected RandomSpatialTransform transform() {
		final long[] size = { size_x, size_y, size_z };
		final boolean byLabel = label != null && !label.isEmpty() && !NO_LABEL.equals(label);
		return byLabel ? new RandomCrop(size, label, pos, neg) : new RandomCrop(size);
	}

	@Override
	protected String titleSuffix() {
		return "rcrop";
	}
}
