package org.medprep.commands.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A pipeline file: the Recorder's {@code run("Label", "options");} lines, one
 * step per line; blank lines and {@code //} comments are allowed, anything
 * else is refused with its line number, so a pipeline never half-runs. Steps
 * may be grouped by {@link Composition}'s {@code One Of}/{@code Some Of} lines;
 * {@link #steps} lists every line as written, group lines included.
 */
public final class Pipeline {

	private final List<MacroLine> steps;

	private Pipeline(final List<MacroLine> steps) {
		this.steps = Collections.unmodifiableList(steps);
	}

	public static Pipeline of(final List<MacroLine> steps) {
		if (steps.isEmpty()) throw new IllegalArgumentException("the pipeline has no steps");
		final List<Integer> numbers = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) numbers.add(i + 1);
		Composition.check(steps, numbers, "pipeline");
		return new Pipeline(new ArrayList<>(steps));
	}

	/**
	 * @param source names the text in messages (a file name)
	 * @throws IllegalArgumentException naming the source, line number and line
	 */
	public static Pipeline parse(final String text, final String source) {
		final List<MacroLine> steps = new ArrayList<>();
		final List<Integer> numbers = new ArrayList<>();
		final String[] lines = text.split("\r?\n", -1);
		for (int i = 0; i < lines.length; i++) {
			final String line = lines[i].trim();
			if (line.isEmpty() || line.startsWith("//")) continue;
			try {
				steps.add(MacroLine.parse(line));
				numbers.add(i + 1);
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException(source + ", line " + (i + 1) + ": " + e.getMessage());
			}
		}
		if (steps.isEmpty()) throw new IllegalArgumentException(source + ": the pipeline has no run(...) steps");
		Composition.check(steps, numbers, source);
		return new Pipeline(steps);
	}

	public List<MacroLine> steps() {
		return steps;
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder();
		for (final MacroLine s : steps) sb.append(s).append('\n');
		return sb.toString();
	}
}
