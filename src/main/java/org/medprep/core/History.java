package org.medprep.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.core.spatial.SpatialChain;
import org.medprep.core.spatial.SpatialPlan;

/**
 * What was done to a case, oldest step first: every step as the macro line it
 * ran as ({@code run("Label", "options");}, random seeds as drawn), with the
 * parameters it drew and, for a spatial step, the concrete plan it resampled
 * with. The text form ({@link #toText}) is itself a pipeline file: the step
 * lines, each followed by comment lines that carry its record,
 * <pre>
 * run("Resample to Spacing", "spacing_x=1.5 spacing_y=1.5 spacing_z=1.5 ...");
 * // plan: source 24 22 8 1.2 ... target 19 18 16 1.5 ... pullback 1 0 0 0 ...
 * run("Random Affine", "... seed=42");
 * // drawn: scales=[1.02,0.97,1.05] degrees=[3.1,-7.4,0.2] translation_mm=[0,0,0]
 * // plan: source ... target ... pullback ...
 * </pre>
 * so a history copied out of a file replays as a pipeline, and MedPrep reads
 * the plans back to invert the spatial steps in a later run. A history may
 * also hold notes, comment lines in their place among the steps (what a
 * pipeline group drew before the steps it ran, {@link Step#note}): a replay
 * skips them as a pipeline file skips comments. Older histories (step lines
 * only) read as steps without records. Immutable.
 */
public final class History {

	static final String DRAWN = "// drawn: ";
	static final String PLAN = "// plan: ";
	static final String FIELD = "// field: ";

	private static final History EMPTY = new History(Collections.emptyList());

	private final List<Step> steps;

	private History(final List<Step> steps) {
		this.steps = steps;
	}

	public static History empty() {
		return EMPTY;
	}

	/** A history of the given steps, in order. */
	public static History of(final List<Step> steps) {
		return steps.isEmpty() ? EMPTY : new History(Collections.unmodifiableList(new ArrayList<>(steps)));
	}

	public List<Step> steps() { return steps; }
	public boolean isEmpty() { return steps.isEmpty(); }
	public int size() { return steps.size(); }

	/** The macro lines alone, in order (notes left out): the pipeline that replays this history. */
	public List<String> lines() {
		final List<String> lines = new ArrayList<>(steps.size());
		for (final Step s : steps) if (!s.isNote()) lines.add(s.line());
		return Collections.unmodifiableList(lines);
	}

	/** This history followed by one more step. */
	public History then(final Step step) {
		if (step == null) throw new IllegalArgumentException("a history step must not be null");
		final List<Step> list = new ArrayList<>(steps);
		list.add(step);
		return new History(Collections.unmodifiableList(list));
	}

	/** This history followed by all steps of {@code later}. */
	public History then(final History later) {
		if (later.isEmpty()) return this;
		final List<Step> list = new ArrayList<>(steps);
		list.addAll(later.steps);
		return new History(Collections.unmodifiableList(list));
	}

	/**
	 * The spatial steps that lead to the current grid: the plans of the latest
	 * spatial steps, as far back as each one reads the grid the one before it
	 * wrote (a chain broken by a change made outside MedPrep restarts after the
	 * break). Empty if no step moved voxels.
	 *
	 * @throws IllegalStateException naming the step, if one of them deformed the
	 *         grid with a displacement field (elastic), which has no exact inverse
	 */
	public SpatialChain spatialChain() {
		final List<Step> chained = new ArrayList<>();
		for (int i = steps.size() - 1; i >= 0; i--) {
			final Step s = steps.get(i);
			if (s.plan() == null) continue;
			if (!chained.isEmpty() && !chained.get(0).plan().source().sameSpace(s.plan().target())) break;
			chained.add(0, s);
		}
		SpatialChain chain = SpatialChain.empty();
		for (final Step s : chained) {
			if (s.field() != null)
				throw new IllegalStateException("the spatial history cannot be inverted: step " + s.line() + " deformed the grid with a displacement field ("
					+ s.field() + "), which has no exact inverse");
			chain = chain.then(s.plan());
		}
		return chain;
	}

	/** Step lines, each followed by its record as {@code // drawn:}, {@code // plan:} and {@code // field:} comment lines; notes as they are. */
	public String toText() {
		final StringBuilder sb = new StringBuilder();
		for (final Step s : steps) {
			sb.append(s.line()).append('\n');
			if (!s.drawn().isEmpty()) {
				sb.append(DRAWN);
				boolean first = true;
				for (final Map.Entry<String, String> e : s.drawn().entrySet()) {
					sb.append(first ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
					first = false;
				}
				sb.append('\n');
			}
			if (s.plan() != null) sb.append(PLAN).append(s.plan().toText()).append('\n');
			if (s.field() != null) sb.append(FIELD).append(s.field()).append('\n');
		}
		return sb.toString();
	}

	/**
	 * Reads {@link #toText}. Every line that is not a comment is a step; record
	 * lines belong to the step above them; other comments are notes, kept in
	 * their place; blank lines are skipped. Null or blank text is the empty history.
	 *
	 * @throws IllegalArgumentException naming the line that is malformed
	 */
	public static History parse(final String text) {
		if (text == null || text.trim().isEmpty()) return EMPTY;
		final List<Step> steps = new ArrayList<>();
		final String[] lines = text.split("\r?\n");
		for (int i = 0; i < lines.length; i++) {
			final String line = lines[i].trim();
			if (line.isEmpty()) continue;
			final boolean record = line.startsWith(DRAWN) || line.startsWith(PLAN) || line.startsWith(FIELD);
			if (line.startsWith("//") && !record) {
				steps.add(Step.note(line));
				continue;
			}
			if (!record) {
				steps.add(Step.of(line));
				continue;
			}
			if (steps.isEmpty()) throw new IllegalArgumentException("history line " + (i + 1) + " records a step but follows none: " + line);
			final int last = steps.size() - 1;
			if (steps.get(last).isNote()) throw new IllegalArgumentException("history line " + (i + 1) + " records a step but follows a note: " + line);
			try {
				steps.set(last, withRecord(steps.get(last), line));
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("history line " + (i + 1) + " is malformed: " + e.getMessage());
			}
		}
		return of(steps);
	}

	private static Step withRecord(final Step step, final String line) {
		if (line.startsWith(PLAN)) return step.withPlan(SpatialPlan.parse(line.substring(PLAN.length())));
		if (line.startsWith(FIELD)) return step.withField(line.substring(FIELD.length()).trim());
		Step s = step;
		for (final String pair : line.substring(DRAWN.length()).trim().split("\\s+")) {
			final int eq = pair.indexOf('=');
			if (eq <= 0) throw new IllegalArgumentException("expected key=value, got '" + pair + "'");
			s = s.withDrawn(pair.substring(0, eq), pair.substring(eq + 1));
		}
		return s;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof History && ((History) o).steps.equals(steps);
	}

	@Override
	public int hashCode() {
		return steps.hashCode();
	}

	@Override
	public String toString() {
		return toText();
	}

	/**
	 * One applied step: its macro line, the parameters it drew (name to a value
	 * without spaces, in order), and for a spatial step its plan and, if it
	 * deformed the grid, a description of the displacement field (which the
	 * line's seed regenerates). Or a note: a comment line with no record.
	 * Immutable.
	 */
	public static final class Step {

		/** A drawn parameter's name: a word, or a member's name and a word ({@code flair.gamma}) for one image of several. */
		private static final java.util.regex.Pattern NAME = java.util.regex.Pattern.compile("(?:[^\\s=]+\\.)?[A-Za-z_][A-Za-z0-9_]*");

		private final String line;
		private final Map<String, String> drawn;
		private final SpatialPlan plan;
		private final String field;
		private final boolean note;

		private Step(final String line, final Map<String, String> drawn, final SpatialPlan plan, final String field, final boolean note) {
			this.line = line;
			this.drawn = drawn;
			this.plan = plan;
			this.field = field;
			this.note = note;
		}

		private Step(final String line, final Map<String, String> drawn, final SpatialPlan plan, final String field) {
			this(line, drawn, plan, field, false);
		}

		/**
		 * @param line the step as it ran, e.g. {@code run("HU Window", "level=40.0 width=400.0");}
		 * @throws IllegalArgumentException if the line is blank, spans several lines or is a comment
		 */
		public static Step of(final String line) {
			if (line == null || line.trim().isEmpty()) throw new IllegalArgumentException("a history step needs its macro line");
			if (line.indexOf('\n') >= 0 || line.indexOf('\r') >= 0) throw new IllegalArgumentException("a history step is one line, got: " + line);
			if (line.trim().startsWith("//")) throw new IllegalArgumentException("a history step is not a comment: " + line);
			return new Step(line.trim(), Collections.emptyMap(), null, null);
		}

		/**
		 * A note: one comment line kept in the history's text where it was
		 * added, e.g. {@code // One Of seed=17: ran 2 (Random Ghosting) of 2}.
		 * A replay skips it; it holds no record.
		 *
		 * @throws IllegalArgumentException unless it is one line starting with {@code //} that is not a record line
		 */
		public static Step note(final String comment) {
			final String c = comment == null ? "" : comment.trim();
			if (!c.startsWith("//") || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0)
				throw new IllegalArgumentException("a history note is one comment line starting with //, got: " + comment);
			if (c.startsWith(DRAWN) || c.startsWith(PLAN) || c.startsWith(FIELD)) throw new IllegalArgumentException("a history note is not a record line: " + comment);
			return new Step(c, Collections.emptyMap(), null, null, true);
		}

		/** True for a note (a comment line, no macro step). */
		public boolean isNote() { return note; }

		/** The macro line, as the Recorder writes it, with the seeds that were drawn; a note's comment line. */
		public String line() { return line; }

		/** The parameters drawn, in the order they were recorded. */
		public Map<String, String> drawn() { return drawn; }

		/** The plan of a spatial step, or null for a step that kept the grid. */
		public SpatialPlan plan() { return plan; }

		/** The displacement field a step added after its plan (described), or null. */
		public String field() { return field; }

		/**
		 * With one more drawn parameter (a later value of the same name replaces it).
		 * @throws IllegalArgumentException if the name is not a word or the value is empty or holds white space
		 */
		public Step withDrawn(final String name, final String value) {
			requireStep();
			if (name == null || !NAME.matcher(name).matches())
				throw new IllegalArgumentException("a drawn parameter's name is a word (or member.word), got '" + name + "'");
			if (value == null || value.isEmpty() || !value.equals(value.replaceAll("\\s", "")))
				throw new IllegalArgumentException("drawn parameter " + name + " needs a value without spaces, got '" + value + "'");
			final Map<String, String> m = new LinkedHashMap<>(drawn);
			m.put(name, value);
			return new Step(line, Collections.unmodifiableMap(m), plan, field);
		}

		/** With a numeric drawn parameter (round-trippable). */
		public Step withDrawn(final String name, final double value) {
			return withDrawn(name, Double.toString(value));
		}

		/** With a drawn parameter of three or so numbers, written {@code [a,b,c]}. */
		public Step withDrawn(final String name, final double[] values) {
			final StringBuilder sb = new StringBuilder("[");
			for (int i = 0; i < values.length; i++) sb.append(i == 0 ? "" : ",").append(values[i]);
			return withDrawn(name, sb.append(']').toString());
		}

		/** With the plan the step resampled with. */
		public Step withPlan(final SpatialPlan p) {
			requireStep();
			if (p == null) throw new IllegalArgumentException("plan must not be null");
			return new Step(line, drawn, p, field);
		}

		/** Marks that the step deformed the grid with a displacement field, described in one line. */
		public Step withField(final String description) {
			requireStep();
			if (description == null || description.trim().isEmpty() || description.indexOf('\n') >= 0)
				throw new IllegalArgumentException("a displacement field is described in one non-empty line");
			return new Step(line, drawn, plan, description.trim());
		}

		private void requireStep() {
			if (note) throw new IllegalStateException("a note holds no record: " + line);
		}

		@Override
		public boolean equals(final Object o) {
			if (!(o instanceof Step)) return false;
			final Step s = (Step) o;
			return note == s.note && line.equals(s.line) && drawn.equals(s.drawn) && java.util.Objects.equals(field, s.field)
				&& (plan == null ? s.plan == null : s.plan != null && plan.toText().equals(s.plan.toText()));
		}

		@Override
		public int hashCode() {
			return line.hashCode() * 31 + drawn.hashCode();
		}

		@Override
		public String toString() {
			return line;
		}
	}
}
