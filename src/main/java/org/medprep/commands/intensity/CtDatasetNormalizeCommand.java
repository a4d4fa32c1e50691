package org.medprep.commands.intensity;

import java.io.File;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.normalize.CtDatasetNormalization;
import org.medprep.io.models.CtFingerprintFile;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import net.imglib2.type.numeric.RealType;

/** {@code run("CT Dataset Normalize", "fingerprint=/path/fingerprint.json")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Intensity>CT Dataset Normalize",
	description = "nnU-Net's CT normalization: clip to the cohort's 0.5 and 99.5 foreground percentiles, then z-score with the cohort's mean and std"
		+ " (from CT Dataset Fingerprint).")
public class CtDatasetNormalizeCommand extends IntensityCommand {

	@Parameter(label = "Fingerprint file", validater = "checkFingerprint", style = FileWidget.OPEN_STYLE, description = "JSON file written by CT Dataset Fingerprint.")
	private File fingerprint;

	/** Refuses a missing input before any work. */
	private void checkFingerprint() {
		InputChecks.refuse(this, InputChecks.existing("fingerprint file", fingerprint));
	}

	@Override
	protected Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		return CtDatasetNormalization.apply(in, ModelFiles.read(fingerprint, "fingerprint file", CtFingerprintFile::read));
	}

	@Override
	protected String titleSuffix() {
		return "ctnorm";
	}
}
