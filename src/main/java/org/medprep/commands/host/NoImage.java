package org.medprep.commands.host;

/** The one line a command gets when it needs an image and none is open. */
public final class NoImage {

	private NoImage() {}

	public static String message(final String label) {
		return "\"" + label + "\" needs an image and none is open: open or import one first (in a headless macro, open() or run(\"Import NIfTI/MetaImage\", ...) before it)";
	}
}
