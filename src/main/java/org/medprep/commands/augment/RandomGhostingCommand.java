package org.medprep.commands.augment;

import org.medprep.core.augment.intensity.RandomGhosting;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Ghosting", "ghosts_min=4 ghosts_max=10 allowed_axes=xyz intensity_min=0.5 intensity_max=1 restore_fraction=false p=1 seed=42")}: TorchIO's defaults. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Ghosting",
	description = "MRI ghosting: every n-th k-space plane along a random axis attenuated, the centre kept (TorchIO's RandomGhosting).")
public class RandomGhostingCommand extends IntensityAugmentCommand {

	@Parameter(label = "Ghosts min", min = "0", description = "Fewest ghosts (>= 0); the n of every n-th plane.")
	private int ghosts_min = 4;

	@Parameter(label = "Ghosts max", min = "0", description = "Most ghosts (>= ghosts_min).")
	private int ghosts_max = 10;

	@Parameter(label = "Allowed axes", description = "Axes the ghosts may run along (one is picked), e.g. xyz or y.")
	private String allowed_axes = "xyz";

	@Parameter(label = "Intensity min", description = "Weakest artefact (>= 0): the attenuated planes keep 1 - intensity.")
	private double intensity_min = 0.5;

	@Parameter(label = "Intensity max", description = "Strongest artefact (>= intensity_min; 1 removes the planes).")
	private double intensity_max = 1;

	@Parameter(label = "Restore a fraction", description = "false: only the central k-space plane is restored (TorchIO's restore=None); true: a random fraction.")
	private boolean restore_fraction = false;

	@Parameter(label = "Restore min", description = "With restore_fraction: smallest fraction of the axis restored at the centre, in [0, 1].")
	private double restore_min = 0;

	@Parameter(label = "Restore max", description = "With restore_fraction: largest fraction (restore_min to 1).")
	private double restore_max = 0.1;

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomGhosting(ghosts_min, ghosts_max, AxesOption.parse(allowed_axes), intensity_min, intensity_max, restore_fraction, restore_min, restore_max);
	}

	@Override
	protected String titleSuffix() {
		return "rghost";
	}
}
