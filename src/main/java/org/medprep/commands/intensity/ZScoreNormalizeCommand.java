package org.medprep.commands.intensity;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.MaskOption;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.normalize.ZScoreNormalization;
import org.medprep.core.segment.MaskRule;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Z-Score Normalize", "mask=[non-zero voxels]")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Z-Score Normalize",
	description = "(x - mean) / std with the mean and standard deviation of all voxels, the non-zero voxels, or a mask; applied to every voxel.")
public class ZScoreNormalizeCommand extends IntensityCommand {

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Statistics of", initializer = "initMask", persist = false,
		description = "Voxels whose mean and std are used: all voxels, non-zero voxels, voxels > 0, Otsu threshold, or the title of a mask image (non-zero inside).")
	private String mask = MaskRule.ALL.label();

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		return ZScoreNormalization.apply(in, MaskOption.resolve(mask, in, title -> named(subject, title)));
	}

	@Override
	protected String titleSuffix() {
		return "zscore";
	}
}
