package org.medprep.commands.intensity;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.MaskOption;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.intensity.PercentileClip;
import org.medprep.core.segment.MaskRule;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/** {@code run("Percentile Clip", "low=0.5 high=99.5 mask=[non-zero voxels]")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Percentile Clip",
	description = "Clip to the low and high percentiles (numpy's linear definition) of all voxels, the non-zero voxels, or a mask.")
public class PercentileClipCommand extends IntensityCommand {

	@Parameter(label = "Low percentile", validater = "checkLow", description = "In [0, 100), below high.")
	private double low = 0.5;

	/** A percentile is 0 to 100. */
	private void checkLow() {
		InputChecks.refuse(this, InputChecks.percent("low", low));
	}

	@Parameter(label = "High percentile", validater = "checkHigh", description = "In (0, 100], above low.")
	private double high = 99.5;

	/** A percentile is 0 to 100. */
	private void checkHigh() {
		InputChecks.refuse(this, InputChecks.percent("high", high));
	}

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Percentiles of", initializer = "initMask", persist = false,
		description = "Voxels whose percentiles are used: all voxels, non-zero voxels, voxels > 0, Otsu threshold, or the title of a mask image (non-zero inside).")
	private String mask = MaskRule.ALL.label();

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		final PercentileClip clip = new PercentileClip(low, high);
		return clip.apply(in, MaskOption.resolve(mask, in, title -> named(subject, title)));
	}

	@Override
	protected String titleSuffix() {
		return "pclip";
	}
}
