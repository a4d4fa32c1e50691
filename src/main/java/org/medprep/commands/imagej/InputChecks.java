package org.medprep.commands.imagej;

import ij.ImagePlus;

import java.io.File;
import java.util.Locale;

import org.medprep.commands.engine.InputValidation;
import org.scijava.Cancelable;

/**
 * The checks a command's {@code validater} methods make, and their messages,
 * in one place. A validater runs when its input is resolved (Fiji's macro
 * preprocessor, the ImageJ 1.x bridge and the CLI all resolve every input),
 * and {@link InputValidation} runs every validater once more before the
 * command starts: a bad value cancels the command with the same one line in
 * every host, before any work or any output.
 */
public final class InputChecks {

	/** The main image Fiji passes when no image is open. */
	public static final String EMPTY_IMAGE = "there is no image to work on (the image is empty): open or select an image first";

	private InputChecks() {}

	/** Cancels {@code command} with {@code problem}, unless there is none or it is already cancelled. */
	public static void refuse(final Cancelable command, final String problem) {
		if (problem != null && !command.isCanceled()) command.cancel(problem);
	}

	/** An empty image (no pixels); null is the caller's business (a case run has no image input). */
	public static String image(final ImagePlus imp) {
		if (imp == null) return null;
		return imp.getProcessor() == null || imp.getWidth() <= 0 || imp.getHeight() <= 0 || imp.getStackSize() <= 0 ? EMPTY_IMAGE : null;
	}

	/** {@code value} must be a number &gt; 0. */
	public static String positive(final String name, final double value) {
		return value > 0 ? null : name + " must be > 0, got " + text(value);
	}

	/** {@code value} must be a percentage, 0 to 100. */
	public static String percent(final String name, final double value) {
		return value >= 0 && value <= 100 ? null : name + " must be between 0 and 100, got " + text(value);
	}

	/** A file or folder that must be given and exist. */
	public static String existing(final String name, final File file) {
		if (file == null || file.getPath().trim().isEmpty()) return "no " + name + " given";
		return file.exists() ? null : name + " not found: " + file.getPath();
	}

	/** A file or folder to write that must be given. */
	public static String given(final String name, final File file) {
		return file == null || file.getPath().trim().isEmpty() ? "no " + name + " given" : null;
	}

	private static String text(final double v) {
		return v == Math.rint(v) && !Double.isInfinite(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
	}
}
