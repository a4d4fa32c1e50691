package org.medprep.commands.imagej;

import ij.Macro;

import java.util.ArrayList;
import java.util.List;

/**
 * ImageJ 1.x macro option strings ({@code "level=40 output=[float 0-1]"}):
 * values are read with ImageJ's own {@link Macro#getValue}, exactly as Fiji's
 * imagej-legacy fills SciJava inputs from a macro, and written the way the
 * Recorder writes them ({@code key=value}, brackets around values with spaces).
 */
public final class MacroOptions {

	private MacroOptions() {}

	/** The value of {@code key}, or null when absent (ImageJ's rules: keys are matched at word starts). */
	public static String get(final String options, final String key) {
		if (options == null) return null;
		return Macro.getValue(options, key, null);
	}

	/** One option as the Recorder writes it: {@code key=value}, or {@code key=[value]} when it holds a space. */
	public static String format(final String key, final String value) {
		final String v = value == null ? "" : value;
		return key + "=" + (v.indexOf(' ') >= 0 ? "[" + v + "]" : v);
	}

	/**
	 * The keys present in an options string, in order, so that misspelt or unknown
	 * options can be reported instead of silently ignored.
	 *
	 * @throws IllegalArgumentException for an unterminated bracket or quote
	 */
	public static List<String> keys(final String options) {
		final List<String> keys = new ArrayList<>();
		for (final int[] t : tokens(options)) keys.add(options.trim().substring(t[0], t[1]).toLowerCase(java.util.Locale.ROOT));
		return keys;
	}

	/**
	 * The options with {@code key} set to {@code value} (formatted as the Recorder
	 * does), in place when present, appended otherwise; every other option kept as written.
	 *
	 * @throws IllegalArgumentException for an unterminated bracket or quote
	 */
	public static String with(final String options, final String key, final String value) {
		final String s = options == null ? "" : options.trim();
		final String formatted = format(key, value);
		for (final int[] t : tokens(s))
			if (s.substring(t[0], t[1]).equalsIgnoreCase(key)) return s.substring(0, t[0]) + formatted + s.substring(t[2]);
		return s.isEmpty() ? formatted : s + " " + formatted;
	}

	/** Each option as {key start, key end, option end} in the trimmed string. */
	private static List<int[]> tokens(final String options) {
		final List<int[]> tokens = new ArrayList<>();
		if (options == null) return tokens;
		final String s = options.trim();
		int i = 0;
		while (i < s.length()) {
			while (i < s.length() && s.charAt(i) == ' ') i++;
			if (i >= s.length()) break;
			final int start = i;
			int j = i;
			while (j < s.length() && s.charAt(j) != '=' && s.charAt(j) != ' ') j++;
			final int keyEnd = j;
			if (j >= s.length() || s.charAt(j) == ' ') {
				tokens.add(new int[] { start, keyEnd, j });
				i = j;
				continue;
			}
			j++; // past '='
			if (j < s.length() && s.charAt(j) == '[') {
				int depth = 0, k = j;
				for (; k < s.length(); k++) {
					if (s.charAt(k) == '[') depth++;
					else if (s.charAt(k) == ']' && --depth == 0) break;
				}
				if (k >= s.length()) throw new IllegalArgumentException("unterminated '[' in options: " + options);
				i = k + 1;
			}
			else if (j < s.length() && s.charAt(j) == '\'') {
				final int k = s.indexOf('\'', j + 1);
				if (k < 0) throw new IllegalArgumentException("unterminated quote in options: " + options);
				i = k + 1;
			}
			else {
				while (j < s.length() && s.charAt(j) != ' ') j++;
				i = j;
			}
			tokens.add(new int[] { start, keyEnd, i });
		}
		return tokens;
	}
}
