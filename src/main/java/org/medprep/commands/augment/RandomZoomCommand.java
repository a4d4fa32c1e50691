package org.medprep.commands.augment;

import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.RandomZoom;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Zoom", "min=0.9 max=1.1 isotropic=true seed=42 ...")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Zoom",
	description = "Zoom about the centre by a random factor in [min, max], the same for all axes or one per axis.")
public class RandomZoomCommand extends AugmentCommand {

	@Parameter(label = "Min factor", description = "Smallest zoom factor (> 0).")
	private double min = 0.9;

	@Parameter(label = "Max factor", description = "Largest zoom factor (>= min).")
	private double max = 1.1;

	@Parameter(label = "Isotropic", description = "One factor for all axes.")
	private boolean isotropic = true;

	@Parameter(label = "Sampling scale", description = "Draw nnU-Net's scaling instead: the sampling grid is scaled, the content zoomed by 1 / factor (1.4 makes objects smaller).")
	private boolean sampling_scale = false;

	@Override
	protected RandomSpatialTransform transform() {
		return new RandomZoom(min, max, isotropic, sampling_scale);
	}

	@Override
	protected String titleSuffix() {
		return "rzoom";
	}
}
