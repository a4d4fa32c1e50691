package org.medprep.commands.host;

import ij.ImagePlus;
import ij.WindowManager;

import java.lang.reflect.Field;
import java.util.Map;

/**
 * The current image of the thread that started a command, as that thread's
 * macro sees it. Fiji runs the command on a pooled thread, where ImageJ 1.x's
 * current image is the active window, not the macro's: a batch-mode macro that
 * selected or made a batch image while a window is shown would otherwise
 * process the window. ImageJ 1.x keeps each thread's current image in a
 * private table (read here) and offers no public getter for another thread.
 */
final class CallerImage {

	private CallerImage() {}

	/** The caller's own current image, or null when it has none (or the table cannot be read). */
	static ImagePlus of(final Thread caller) {
		try {
			final Field f = WindowManager.class.getDeclaredField("tempImageTable");
			f.setAccessible(true);
			final Object table = f.get(null);
			return table instanceof Map ? (ImagePlus) ((Map<?, ?>) table).get(caller) : null;
		}
		catch (final ReflectiveOperationException | RuntimeException e) {
			return null; // another ImageJ 1.x layout: keep the active window, as Fiji does
		}
	}
}
