package org.medprep.commands.intensity;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.normalize.MinMaxNormalization;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Min-Max Normalize", "min=0 max=1")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Min-Max Normalize",
	description = "Rescale the image's own minimum..maximum linearly onto [min, max].")
public class MinMaxNormalizeCommand extends IntensityCommand {

	@Parameter(label = "Output minimum", description = "The image minimum maps here.")
	private double min = 0;

	@Parameter(label = "Output maximum", description = "The image maximum maps here (above min).")
	private double max = 1;

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		return new MinMaxNormalization(min, max).apply(in);
	}

	@Override
	protected String titleSuffix() {
		return "minmax";
	}
}
