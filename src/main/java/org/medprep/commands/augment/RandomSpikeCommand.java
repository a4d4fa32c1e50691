package org.medprep.commands.augment;

import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.medprep.core.augment.intensity.RandomSpike;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** {@code run("Random Spike", "spikes_min=0 spikes_max=1 intensity_min=1 intensity_max=3 p=1 seed=42")}: TorchIO's defaults. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Random Spike",
	description = "MRI spike (herringbone) artefact: random k-space points raised to a multiple of the spectrum's maximum (TorchIO's RandomSpike).")
public class RandomSpikeCommand extends IntensityAugmentCommand {

	@Parameter(label = "Spikes min", min = "0", description = "Fewest spikes (>= 0); TorchIO's num_spikes=1 means 0 or 1.")
	private int spikes_min = 0;

	@Parameter(label = "Spikes max", min = "0", description = "Most spikes (>= spikes_min, at most 1000).")
	private int spikes_max = 1;

	@Parameter(label = "Intensity min", description = "Smallest spike, as a multiple of the spectrum's maximum (negative subtracts).")
	private double intensity_min = 1;

	@Parameter(label = "Intensity max", description = "Largest spike (>= intensity_min).")
	private double intensity_max = 3;

	@Override
	protected RandomIntensityTransform transform() {
		return new RandomSpike(spikes_min, spikes_max, intensity_min, intensity_max);
	}

	@Override
	protected String titleSuffix() {
		return "rspike";
	}
}
