package org.medprep.commands.intensity;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.MaskOption;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.normalize.WhiteStripe;
import org.medprep.core.segment.MaskRule;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("WhiteStripe Normalize", "mask=[voxels > 0] width=0.05")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>WhiteStripe Normalize",
	description = "WhiteStripe (Shinohara 2014) for T1: the white-matter mode of the smoothed histogram, the voxels within +-width quantiles of it,"
		+ " and the image z-scored with their mean and standard deviation.")
public class WhiteStripeNormalizeCommand extends IntensityCommand {

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Foreground", initializer = "initMask", persist = false,
		description = "Voxels whose histogram is used: voxels > 0 (skull-stripped), all voxels, non-zero voxels, Otsu threshold, or the title of a mask image (non-zero inside).")
	private String mask = MaskRule.POSITIVE.label();

	@Parameter(label = "Stripe width (tau)", min = "0.001", max = "0.5", description = "Half-width of the stripe in quantiles around the white-matter mode, in (0, 1).")
	private double width = WhiteStripe.DEFAULT_WIDTH;

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		return WhiteStripe.normalize(in, MaskOption.resolve(mask, in, title -> named(subject, title)), width);
	}

	@Override
	protected String titleSuffix() {
		return "whitestripe";
	}
}
