package org.medprep.commands;

import ij.ImagePlus;

import org.medprep.core.Volume;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.DynamicCommand;
import org.scijava.plugin.Parameter;

import net.imglib2.type.numeric.RealType;

/**
 * The shape of a MedPrep image command: the active image in, a new image out
 * (the input is never modified), core work on a {@link Volume} with ImageJ's
 * thread setting, the input's calibration kept and the step added to the
 * history (by {@link HistoryPostprocessor}). Subclasses declare their options
 * as {@code @Parameter} fields (names are the macro keys) and implement
 * {@link #process}; bad parameters throw {@link IllegalArgumentException}
 * before any output exists.
 */
public abstract class VolumeCommand extends DynamicCommand {

	@Parameter(label = "Image", persist = false, description = "The image to process (the active image in ImageJ).")
	protected ImagePlus image;

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	protected ImagePlus result;

	@Parameter(required = false)
	protected StatusService status;

	@Parameter(required = false)
	protected ImageTitleService titles;

	/** Progress and stop requests of the current run: core algorithms that report progress get this. */
	protected CommandProgress progress;

	@Override
	public void run() {
		final String label = getInfo() == null ? getClass().getSimpleName() : CommandOptions.label(getInfo());
		progress = CommandProgress.of(this, status, label);
		// a bad input or a stop request cancels the command with one line (Failures)
		Failures.run(this, label, () -> {
			showStatus(label + " on " + image.getTitle() + "...");
			final Volume<? extends RealType<?>> in = ImagePlusVolumes.toVolume(image);
			final Volume<? extends RealType<?>> out = Threads.call(() -> process(in), progress);
			result = ImagePlusVolumes.toImagePlus(out, outputTitle(), image);
			showStatus(label + " done");
		});
	}

	/** The core work. Called with ImageJ's thread count in effect. */
	protected abstract Volume<? extends RealType<?>> process(Volume<? extends RealType<?>> in);

	/** Short suffix for the output title, e.g. "window". */
	protected abstract String titleSuffix();

	protected String outputTitle() {
		return baseTitle(image.getTitle()) + "-" + titleSuffix();
	}

	/** A title without its file extension ("ct.tif" -> "ct", "ct.nii.gz" -> "ct"). */
	protected static String baseTitle(final String t) {
		final String s = t.toLowerCase(java.util.Locale.ROOT).endsWith(".gz") ? t.substring(0, t.length() - 3) : t;
		final int dot = s.lastIndexOf('.');
		return dot > 0 && s.length() - dot <= 5 ? s.substring(0, dot) : s;
	}

	/** The image named by {@code title} (a macro names secondary inputs by title). */
	protected ImagePlus imageTitled(final String title) {
		if (titles == null) throw new IllegalStateException("no image lookup available to find '" + title + "'");
		return titles.find(title);
	}

	private void showStatus(final String message) {
		if (status != null) status.showStatus(message);
	}
}
