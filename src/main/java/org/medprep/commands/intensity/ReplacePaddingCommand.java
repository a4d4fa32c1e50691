package org.medprep.commands.intensity;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.intensity.PaddingReplacement;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Replace Padding", "padding=-2000 value=-1000")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Replace Padding",
	description = "Set the voxels that carry the scanner's padding value (outside the field of view) to another value, e.g. air.")
public class ReplacePaddingCommand extends IntensityCommand {

	@Parameter(label = "Padding value", description = "The value outside the field of view (e.g. -2000, or the DICOM Pixel Padding Value in HU).")
	private double padding = -2000;

	@Parameter(label = "Replacement", description = "The value to write instead (-1000 HU is air).")
	private double value = -1000;

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		return new PaddingReplacement(padding, value).apply(in);
	}

	@Override
	protected String titleSuffix() {
		return "padfix";
	}
}
