package org.medprep.commands.intensity;

import org.medprep.commands.MaskChoice;
import org.medprep.commands.VolumeCommand;
import org.medprep.core.Volume;
import org.medprep.core.intensity.ZScoreNormalization;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Z-Score Normalize", "mask=[Non-zero voxels]")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Z-Score Normalize",
	description = "(x - mean) / std with the mean and standard deviation of all voxels, the non-zero voxels, or a mask; applied to every voxel.")
public class ZScoreNormalizeCommand extends VolumeCommand {

	@Parameter(label = "Statistics of", initializer = "initMask", persist = false,
		description = "All voxels, Non-zero voxels, or the title of a mask image (non-zero inside).")
	private String mask = MaskChoice.ALL;

	protected void initMask() {
		MaskChoice.offerChoices(getInfo().getMutableInput("mask", String.class), titles, image);
	}

	@Override
	protected Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		return ZScoreNormalization.apply(in, MaskChoice.resolve(mask, in, titles));
	}

	@Override
	protected String titleSuffix() {
		return "zscore";
	}
}
