package org.medprep.commands.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The syntax of ImageJ 1.x macro option strings ({@code "level=40 output=[float 0-1]"}),
 * without ImageJ: options written the way the Recorder writes them
 * ({@code key=value}, brackets around values with spaces), the keys an options
 * string holds, one option set in place, and one value read by ImageJ's rule.
 * <p>
 * The options of a command are read with ImageJ's own parser
 * ({@code commands.imagej.MacroOptions}), so they read as the ImageJ that Fiji
 * ships fills a command's inputs; {@link #value} is for what only MedPrep
 * reads, the options of the pipeline's own lines (One Of / Some Of groups) and
 * the steps it rewrites.
 */
public final class MacroOptionSyntax {

	private MacroOptionSyntax() {}

	/** One option as the Recorder writes it: {@code key=value}, or {@code key=[value]} when it holds a space. */
	public static String format(final String key, final String value) {
		final String v = value == null ? "" : value;
		return key + "=" + (v.indexOf(' ') >= 0 ? "[" + v + "]" : v);
	}

	/**
	 * The value of {@code key}, or null when absent, by the rule of ImageJ 1.54's
	 * {@code Macro.getValue}: the key (lower case, up to a space or colon) followed by
	 * {@code =}, not preceded by a letter; the value up to the next space, or inside
	 * {@code [...]} (nested) or {@code '...'}; an unclosed bracket or quote reads as absent.
	 */
	public static String value(final String options, final String key) {
		if (options == null) return null;
		final String s = options.endsWith(" ") ? options : options + " ";
		final String k = imageJKey(key) + "=";
		int index = -1;
		do {
			index = s.indexOf(k, ++index);
			if (index < 0) return null;
		}
		while (index != 0 && Character.isLetter(s.charAt(index - 1)));
		final String rest = s.substring(index + k.length());
		if (rest.charAt(0) == '\'') {
			final int end = rest.indexOf('\'', 1);
			return end < 0 ? null : rest.substring(1, end);
		}
		if (rest.charAt(0) == '[') {
			int depth = 1;
			for (int i = 1; i < rest.length(); i++) {
				if (rest.charAt(i) == '[') depth++;
				else if (rest.charAt(i) == ']') depth--;
				if (depth == 0) return rest.substring(1, i);
			}
			return null;
		}
		return rest.substring(0, rest.indexOf(' '));
	}

	/** A dialog label's key as ImageJ derives it: up to the first space or colon, in lower case. */
	private static String imageJKey(final String key) {
		String k = key;
		if (k.indexOf(' ') > -1) k = k.substring(0, k.indexOf(' '));
		if (k.indexOf(':') > -1) k = k.substring(0, k.indexOf(':'));
		return k.toLowerCase(Locale.US);
	}

	/**
	 * The keys present in an options string, in order, so that misspelt or unknown
	 * options can be reported instead of silently ignored.
	 *
	 * @throws IllegalArgumentException for an unterminated bracket or quote
	 */
	public static List<String> keys(final String options) {
		final List<String> keys = new ArrayList<>();
		for (final int[] t : tokens(options)) keys.add(options.trim().substring(t[0], t[1]).toLowerCase(Locale.ROOT));
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
