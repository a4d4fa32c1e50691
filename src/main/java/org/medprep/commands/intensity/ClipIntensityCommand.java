package org.medprep.commands.intensity;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.intensity.IntensityClip;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Clip Intensity", "min=-1000 max=400")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Clip Intensity",
	description = "Limit every voxel to [min, max] (in the image's units, HU for CT).")
public class ClipIntensityCommand extends IntensityCommand {

	@Parameter(label = "Minimum", description = "Values below become this value.")
	private double min = -1000;

	@Parameter(label = "Maximum", description = "Values above become this value.")
	private double max = 400;

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		return new IntensityClip(min, max).apply(in);
	}

	@Override
	protected String titleSuffix() {
		return "clip";
	}
}
