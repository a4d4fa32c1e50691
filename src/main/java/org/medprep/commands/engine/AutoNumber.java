package org.medprep.commands.engine;

import java.util.Locale;

/**
 * A number option whose default, {@value #AUTO}, means "found from the data"
 * (core's NaN), e.g. Otsu's threshold. It is a text option because Fiji's
 * number fields cannot hold NaN (its dialog fails on OK); {@code NaN} is still
 * read as auto, so recorded lines from before keep working.
 */
public final class AutoNumber {

	public static final String AUTO = "auto";

	private AutoNumber() {}

	/**
	 * @return NaN for auto (also empty or "NaN"), else the number
	 * @throws IllegalArgumentException naming the option when the text is neither
	 */
	public static double parse(final String option, final String text) {
		final String t = text == null ? "" : text.trim();
		if (t.isEmpty() || t.equalsIgnoreCase(AUTO) || t.equalsIgnoreCase("NaN")) return Double.NaN;
		try {
			final double v = Double.parseDouble(t);
			if (Double.isInfinite(v)) throw new NumberFormatException(t);
			return v;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(option + " must be a number or " + AUTO + ", got '" + text + "'");
		}
	}

	/** How a value is written back: auto for NaN. */
	public static String text(final double value) {
		return Double.isNaN(value) ? AUTO : String.valueOf(value).toLowerCase(Locale.ROOT);
	}
}
