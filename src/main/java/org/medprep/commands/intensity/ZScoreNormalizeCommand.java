package org.medprep.commands.intensity;

import org.medprep.commands.MaskChoice;
import org.medprep.commands.IntensityCommand;
import org.medprep.commands.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.normalize.ZScoreNormalization;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Z-Score Normalize", "mask=[Non-zero voxels]")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Z-Score Normalize",
	description = "(x - mean) / std with the mean and standard deviation of all voxels, the non-zero voxels, or a mask; applied to every voxel.")
public class ZScoreNormalizeCommand extends IntensityCommand {

	@Parameter(label = "Statistics of", initializer = "initMask", persist = false,
		description = "All voxels, Non-zero voxels, or the title of a mask image (non-zero inside).")
	private String mask = MaskChoice.ALL;

	protected void initMask() {
		MaskChoice.offerChoices(getInfo().getMutableInput("mask", String.class), titles, image);
	}

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		return ZScoreNormalization.apply(in, MaskChoice.resolve(mask, in, title -> named(subject, title)));
	}

	@Override
	protected String titleSuffix() {
		return "zscore";
	}
}
