package org.medprep.commands.intensity;

import java.io.File;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.MaskOption;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.normalize.NyulNormalization;
import org.medprep.core.normalize.NyulStandardScale;
import org.medprep.core.segment.MaskRule;
import org.medprep.io.models.NyulScaleFile;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.type.numeric.RealType;

/** {@code run("Nyul Apply", "standard_scale=/path/nyul.json mask=[voxels > 0]")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>Nyul Apply",
	description = "Maps every voxel piecewise-linearly from the image's own landmarks (foreground percentiles) to a standard scale learned by Nyul Train,"
		+ " extrapolating beyond the end landmarks.")
public class NyulApplyCommand extends IntensityCommand {

	@Parameter(label = "Standard scale file", validater = "checkStandardScale", style = FileWidget.OPEN_STYLE, description = "JSON file written by Nyul Train.")
	private File standard_scale;

	/** Refuses a missing input before any work. */
	private void checkStandardScale() {
		InputChecks.refuse(this, InputChecks.existing("standard scale file", standard_scale));
	}

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Foreground", initializer = "initMask", persist = false,
		description = "Voxels whose percentiles are the landmarks: voxels > 0, all voxels, non-zero voxels, Otsu threshold, or the title of a mask image (non-zero inside).")
	private String mask = MaskRule.POSITIVE.label();

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		final NyulStandardScale scale = ModelFiles.read(standard_scale, "standard scale file", NyulScaleFile::read);
		return NyulNormalization.apply(in, MaskOption.resolve(mask, in, title -> named(subject, title)), scale);
	}

	@Override
	protected String titleSuffix() {
		return "nyul";
	}
}
