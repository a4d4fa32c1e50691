package org.medprep.cli;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.imagej.MacroOptions;



/**
 * The lines of a pipeline file, which may be the Recorder's text of a Fiji
 * session pasted unchanged, each classified with its line number: a step
 * ({@code run("Label", "options");}), the opening of an image (MedPrep's
 * import commands or {@code open(...)}), a change of the current image
 * ({@code selectImage}/{@code selectWindow}), or a line that only changes the
 * view (tools, slices, zoom). Blank lines and {@code //} comments are left out;
 * anything else is refused with its line number.
 */
final class PipelineText {

	static final String IMPORT_VOLUME = "Import NIfTI/MetaImage";
	static final String IMPORT_DICOM = "Import DICOM Series";

	enum Kind { STEP, OPEN, SELECT, VIEW }

	/** One classified line. */
	static final class Line {
		final String where;
		final Kind kind;
		final String text;
		final MacroLine step;
		final String argument;
		/** A step of a case's history, followed by its "// drawn:" record: its seed is that case's draw, not a master seed. */
		final boolean recordedDraw;

		Line(final String where, final Kind kind, final String text, final MacroLine step, final String argument) {
			this(where, kind, text, step, argument, false);
		}

		private Line(final String where, final Kind kind, final String text, final MacroLine step, final String argument, final boolean recordedDraw) {
			this.where = where;
			this.kind = kind;
			this.text = text;
			this.step = step;
			this.argument = argument;
			this.recordedDraw = recordedDraw;
		}

		Line asRecordedDraw() {
			return new Line(where, kind, text, step, argument, true);
		}

		/** For OPEN: the title Fiji gives the opened image (its file name); null for a DICOM series, whose title comes from its header. */
		String openedTitle() {
			if (step != null && IMPORT_DICOM.equals(step.label())) return null;
			return argument == null ? null : new File(argument).getName();
		}

		boolean opensDicom() {
			return step != null && IMPORT_DICOM.equals(step.label());
		}
	}

	/** Menu commands of ImageJ that only move through the stack or zoom: the Recorder writes them, they change no pixel. */
	private static final List<String> VIEW_COMMANDS = Collections.unmodifiableList(java.util.Arrays.asList("Next Slice [>]", "Previous Slice [<]",
		"In [+]", "Out [-]", "Original Scale", "View 100%", "To Selection"));

	/** How a case's history records what a random step drew, on the line after the step (see core.History). */
	private static final String DRAWN = "// drawn:";

	private static final Pattern CALL = Pattern.compile("^([A-Za-z.]+)\\s*\\((.*)\\)\\s*;?$");
	private static final Pattern STRING = Pattern.compile("^\\s*(\"((?:[^\"\\\\]|\\\\.)*)\"|'([^']*)')\\s*$");
	private static final Pattern NUMBER = Pattern.compile("^\\s*-?\\d+\\s*$");

	private PipelineText() {}

	/**
	 * @param source names the text in messages (a file name)
	 * @throws IllegalArgumentException listing every line that is not a pipeline line, by number
	 */
	static List<Line> parse(final String text, final String source) {
		final List<Line> lines = new ArrayList<>();
		final List<String> errors = new ArrayList<>();
		final String[] raw = text.split("\r?\n", -1);
		for (int i = 0; i < raw.length; i++) {
			final String line = raw[i].trim();
			if (line.isEmpty() || line.startsWith("//")) continue;
			final String where = source + ", line " + (i + 1);
			try {
				final Line l = classify(where, line);
				lines.add(l.kind == Kind.STEP && nextIsDrawn(raw, i) ? l.asRecordedDraw() : l);
			}
			catch (final IllegalArgumentException e) {
				errors.add(where + ": " + e.getMessage());
			}
		}
		if (!errors.isEmpty()) throw new PipelineProblems(errors);
		if (lines.stream().noneMatch(l -> l.kind == Kind.STEP)) throw new IllegalArgumentException(source + ": the pipeline has no run(...) steps");
		return lines;
	}

	private static boolean nextIsDrawn(final String[] raw, final int i) {
		for (int j = i + 1; j < raw.length; j++) {
			final String next = raw[j].trim();
			if (!next.isEmpty()) return next.startsWith(DRAWN);
		}
		return false;
	}

	/** {@code --step} lines, named "step 1", "step 2"... in messages. */
	static List<Line> ofSteps(final List<String> steps) {
		final List<String> numbered = new ArrayList<>();
		for (final String s : steps) numbered.add(s.trim());
		final List<Line> lines = new ArrayList<>();
		final List<String> errors = new ArrayList<>();
		for (int i = 0; i < numbered.size(); i++) {
			try {
				lines.add(classify("--step " + (i + 1), numbered.get(i)));
			}
			catch (final IllegalArgumentException e) {
				errors.add("--step " + (i + 1) + ": " + e.getMessage());
			}
		}
		if (!errors.isEmpty()) throw new PipelineProblems(errors);
		return lines;
	}

	private static Line classify(final String where, final String line) {
		if (line.startsWith("run(")) {
			final MacroLine step = MacroLine.parse(line);
			if (VIEW_COMMANDS.contains(step.label())) return new Line(where, Kind.VIEW, line, null, null);
			if (IMPORT_VOLUME.equals(step.label())) return new Line(where, Kind.OPEN, line, step, option(step, "file"));
			if (IMPORT_DICOM.equals(step.label())) return new Line(where, Kind.OPEN, line, step, option(step, "folder"));
			return new Line(where, Kind.STEP, line, step, null);
		}
		final Matcher call = CALL.matcher(line);
		if (call.matches()) {
			final String fn = call.group(1), args = call.group(2);
			switch (fn) {
				case "open":
					return new Line(where, Kind.OPEN, line, null, string(args, line));
				case "selectImage":
				case "selectWindow":
					if (NUMBER.matcher(args).matches())
						throw new IllegalArgumentException(fn + " by image ID (" + args.trim() + ") cannot name an image in another run; select by title");
					return new Line(where, Kind.SELECT, line, null, string(args, line));
				case "setTool":
				case "setSlice":
				case "Stack.setSlice":
				case "Stack.setPosition":
				case "Stack.setFrame":
				case "Stack.setChannel":
					return new Line(where, Kind.VIEW, line, null, null);
				default:
					break;
			}
		}
		throw new IllegalArgumentException("not a pipeline line: '" + line + "' (a pipeline holds run(\"Label\", \"options\"); steps; "
			+ "from a Recorder transcript the opening of the image, selectImage and view changes are understood too)");
	}

	private static String option(final MacroLine step, final String key) {
		final String v = MacroOptions.get(step.options(), key);
		if (v == null || v.isEmpty()) throw new IllegalArgumentException("\"" + step.label() + "\" without " + key + "=");
		return v;
	}

	private static String string(final String args, final String line) {
		final Matcher m = STRING.matcher(args);
		if (!m.matches()) throw new IllegalArgumentException("expected one quoted text in '" + line + "'");
		return m.group(2) != null ? m.group(2).replace("\\\"", "\"").replace("\\\\", "\\") : m.group(3);
	}
}
