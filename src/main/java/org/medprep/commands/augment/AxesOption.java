package org.medprep.commands.augment;

import java.util.Locale;

/** The {@code allowed_axes} option: letters among x, y and z ("xyz", "z", "x y"). */
final class AxesOption {

	private AxesOption() {}

	/** @throws IllegalArgumentException naming the option for anything else */
	static boolean[] parse(final String text) {
		final boolean[] allowed = new boolean[3];
		for (final char c : (text == null ? "" : text).trim().toLowerCase(Locale.ROOT).toCharArray()) {
			final int d = "xyz".indexOf(c);
			if (d < 0 && c != ' ' && c != ',') throw new IllegalArgumentException("allowed_axes must be letters among x, y, z, got '" + text + "'");
			if (d >= 0) allowed[d] = true;
		}
		if (!(allowed[0] || allowed[1] || allowed[2])) throw new IllegalArgumentException("allowed_axes must name at least one of x, y, z, got '" + text + "'");
		return allowed;
	}
}
