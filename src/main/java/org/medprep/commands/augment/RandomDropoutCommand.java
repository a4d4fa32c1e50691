package org.medprep.commands.augment;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.core.augment.intensity.RandomCoarseDropout;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Dropout", "holes_min=1 holes_max=4 min_size_x=8 ... max_size_z=16 dropout_holes=true fill_mode=[random in image range] p=1 seed=42")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Dropout",
	description = "Fill random boxes (or everything but them) with a value or random values (MONAI's RandCoarseDropout).")
public class RandomDropoutCommand extends IntensityAugmentCommand {

	@Parameter(label = "Holes min", min = "1", description = "Fewest boxes (MONAI's holes).")
	private int holes_min = 1;

	@Parameter(label = "Holes max", min = "1", description = "Most boxes (MONAI's max_holes, >= holes_min).")
	private int holes_max = 4;

	@Parameter(label = "Min size x", description = "Smallest box size along x in voxels (0: the image's size, as MONAI's -1).")
	private int min_size_x = 8;

	@Parameter(label = "Min size y", description = "Smallest box size along y in voxels.")
	private int min_size_y = 8;

	@Parameter(label = "Min size z", description = "Smallest box size along z in voxels.")
	private int min_size_z = 8;

	@Parameter(label = "Max size x", description = "Largest box size along x in voxels (MONAI's max_spatial_size).")
	private int max_size_x = 16;

	@Parameter(label = "Max size y", description = "Largest box size along y in voxels.")
	private int max_size_y = 16;

	@Parameter(label = "Max size z", description = "Largest box size along z in voxels.")
	private int max_size_z = 16;

	@Parameter(label = "Drop the holes", description = "true: fill the boxes; false: keep the boxes and fill everything else (MONAI's dropout_holes).")
	private boolean dropout_holes = true;

	@ChoicesOf(value = RandomCoarseDropout.Fill.class, only = { "IMAGE_RANGE", "VALUE", "RANGE" })
	@Parameter(label = "Fill", choices = { "random in image range", "value", "random in range" },
		description = "value: fill_value; random in image range: uniform between the image's min and max per voxel (MONAI's default); random in range: in [fill_min, fill_max).")
	private String fill_mode = RandomCoarseDropout.Fill.IMAGE_RANGE.label();

	@Parameter(label = "Fill value", description = "The constant fill (fill_mode = value).")
	private double fill_value = 0;

	@Parameter(label = "Fill min", description = "Low end of a random fill (fill_mode = random in range).")
	private double fill_min = 0;

	@Parameter(label = "Fill max", description = "High end of a random fill (>= fill_min).")
	private double fill_max = 1;

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomCoarseDropout(holes_min, holes_max, new int[] { min_size_x, min_size_y, min_size_z }, new int[] { max_size_x, max_size_y, max_size_z },
			dropout_holes, RandomCoarseDropout.Fill.fromLabel(fill_mode), fill_value, fill_min, fill_max);
	}

	@Override
	protected String titleSuffix() {
		return "rdropout";
	}
}
