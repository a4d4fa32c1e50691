package org.medprep.commands.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One recorded step, {@code run("Label", "options");}: the unit of the Recorder,
 * of pipeline files and of provenance.
 */
public final class MacroLine {

	private static final Pattern RUN = Pattern.compile("^run\\(\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*(?:,\\s*\"((?:[^\"\\\\]|\\\\.)*)\"\\s*)?\\)\\s*;?\\s*(?://.*)?$");

	private final String label;
	private final String options;

	public MacroLine(final String label, final String options) {
		this.label = label;
		this.options = options == null ? "" : options;
	}

	public String label() { return label; }
	public String options() { return options; }

	/**
	 * Parses {@code run("Label", "options");} (options optional, trailing semicolon optional, a
	 * trailing {@code // comment} ignored, as in a macro: a recipe may comment its steps on their lines).
	 *
	 * @throws IllegalArgumentException for anything else, quoting the line
	 */
	public static MacroLine parse(final String line) {
		final Matcher m = RUN.matcher(line.trim());
		if (!m.matches())
			throw new IllegalArgumentException("not a macro step: '" + line.trim() + "' (expected run(\"Label\", \"options\");)");
		return new MacroLine(unescape(m.group(1)), m.group(2) == null ? "" : unescape(m.group(2)));
	}

	@Override
	public String toString() {
		return options.isEmpty() ? "run(\"" + escape(label) + "\");" : "run(\"" + escape(label) + "\", \"" + escape(options) + "\");";
	}

	private static String escape(final String s) {
		return s.replace("\\", "\\\\").replace("\"", "\\\"");
	}

	private static String unescape(final String s) {
		return s.replace("\\\"", "\"").replace("\\\\", "\\");
	}
}
