package org.medprep.commands.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.medprep.core.augment.Chance;
import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.Selection;

/**
 * Groups of steps in a pipeline file, in the Recorder's own syntax: a group
 * opens with a {@code run("One Of", ...)} or {@code run("Some Of", ...)} line,
 * holds ordinary steps (or further groups), and closes with
 * {@code run("End One Of");} or {@code run("End Some Of");}:
 *
 * <pre>
 * run("One Of", "weights=[2 1] p=0.5 seed=17");
 * run("Random Motion", "degrees_max=10");
 * run("Random Ghosting", "intensity_max=0.8");
 * run("End One Of");
 * </pre>
 *
 * {@code One Of} runs one of its steps, picked with the weights (TorchIO's and
 * MONAI's {@code OneOf}); {@code Some Of} runs between {@code n_min} and
 * {@code n_max} of them (default: all), drawn without replacement unless
 * {@code replace=true}, in the order drawn (MONAI's {@code SomeOf}). With
 * probability {@code 1 - p} the group runs nothing. The choice is drawn from
 * the group's {@code seed} (empty: drawn), so a per-case seed rewritten like
 * any step's gives each case its own choice; the steps keep their own seeds.
 * <p>
 * The group lines are pipeline syntax ({@code medprep run}, Augmentation
 * Preview), not commands: what ran is recorded as the plain macro lines of the
 * steps, each with its seed, after a comment naming the group's draw, so an
 * output's history replays anywhere, Fiji included.
 */
public final class Composition {

	public static final String ONE_OF = "One Of", SOME_OF = "Some Of", END_ONE_OF = "End One Of", END_SOME_OF = "End Some Of";

	private static final List<String> ONE_OF_KEYS = Arrays.asList("weights", "p", "seed");
	private static final List<String> SOME_OF_KEYS = Arrays.asList("weights", "p", "seed", "n_min", "n_max", "replace");

	private Composition() {}

	/** Whether a step's label opens or closes a group (and so names no command). */
	public static boolean isMarker(final String label) {
		return ONE_OF.equals(label) || SOME_OF.equals(label) || END_ONE_OF.equals(label) || END_SOME_OF.equals(label);
	}

	/** What a pipeline does, in order: run a step, or write a note (a comment line) into the history. */
	public static final class Item {
		private final MacroLine step;
		private final String note;

		private Item(final MacroLine step, final String note) {
			this.step = step;
			this.note = note;
		}

		/** The step to run, or null for a note. */
		public MacroLine step() { return step; }

		/** The history comment ({@code // One Of seed=...: ran ...}), or null for a step. */
		public String note() { return note; }
	}

	/** A step, or a group with its steps. */
	private static final class Node {
		final MacroLine line;
		final List<Node> children;

		Node(final MacroLine line, final List<Node> children) {
			this.line = line;
			this.children = children;
		}
	}

	/**
	 * Checks that groups open and close in order, are not empty and have valid options.
	 *
	 * @param lines the file's line number of each step (for messages)
	 * @throws IllegalArgumentException naming the source, line and problem
	 */
	public static void check(final List<MacroLine> steps, final List<Integer> lines, final String source) {
		final int[] at = { 0 };
		try {
			parse(steps, at, null, lines, source);
		}
		catch (final IndexOutOfBoundsException e) {
			throw new IllegalArgumentException(source + ": a group is not closed");
		}
	}

	/**
	 * Draws every group's choice and lists what runs, in order.
	 *
	 * @throws IllegalArgumentException for malformed groups
	 */
	public static List<Item> resolve(final List<MacroLine> steps) {
		final List<Integer> lines = new ArrayList<>();
		for (int i = 0; i < steps.size(); i++) lines.add(i + 1);
		final List<Node> nodes = parse(steps, new int[] { 0 }, null, lines, "pipeline");
		final List<Item> items = new ArrayList<>();
		for (final Node n : nodes) resolve(n, items);
		return Collections.unmodifiableList(items);
	}

	private static void resolve(final Node node, final List<Item> items) {
		if (node.children == null) {
			items.add(new Item(node.line, null));
			return;
		}
		final String options = node.line.options();
		final String seedText = MacroOptionSyntax.value(options, "seed");
		final long seed = Seeds.resolve(seedText);
		final SplittableRandom random = new SplittableRandom(seed);
		final Chance chance = Chance.draw(number(options, "p", 1), random);
		final StringBuilder note = new StringBuilder("// ").append(node.line.label()).append(" seed=").append(seed);
		if (!chance.toString().isEmpty()) note.append(' ').append(chance);
		if (!chance.applied()) {
			items.add(new Item(null, note.toString()));
			return;
		}
		final double[] weights = weights(options, node.children.size());
		final List<Integer> chosen;
		if (ONE_OF.equals(node.line.label())) chosen = Collections.singletonList(Selection.oneOf(weights, random));
		else {
			final int n = node.children.size();
			chosen = Selection.someOf(weights, (int) number(options, "n_min", n), (int) number(options, "n_max", n), flag(options, "replace"), random);
		}
		note.append(chance.toString().isEmpty() ? ": " : ", ").append("ran ");
		if (chosen.isEmpty()) note.append("none");
		for (int i = 0; i < chosen.size(); i++)
			note.append(i == 0 ? "" : ", ").append(chosen.get(i) + 1).append(' ').append(describe(node.children.get(chosen.get(i))));
		note.append(" of ").append(node.children.size());
		items.add(new Item(null, note.toString()));
		for (final int c : chosen) resolve(node.children.get(c), items);
	}

	private static String describe(final Node n) {
		return "(" + n.line.label() + ")";
	}

	/** Parses steps from {@code at[0]} until the end or the closing line of {@code open}. */
	private static List<Node> parse(final List<MacroLine> steps, final int[] at, final MacroLine open, final List<Integer> lines, final String source) {
		final List<Node> nodes = new ArrayList<>();
		final int openedAt = at[0] - 1;
		while (at[0] < steps.size()) {
			final int i = at[0]++;
			final MacroLine line = steps.get(i);
			final String where = source + ", line " + lines.get(i) + ": ";
			final String label = line.label();
			if (END_ONE_OF.equals(label) || END_SOME_OF.equals(label)) {
				if (open == null) throw new IllegalArgumentException(where + label + " without an open group");
				final String expected = ONE_OF.equals(open.label()) ? END_ONE_OF : END_SOME_OF;
				if (!expected.equals(label)) throw new IllegalArgumentException(where + label + " closes " + open.label() + " (line " + lines.get(openedAt) + ")");
				if (!line.options().trim().isEmpty()) throw new IllegalArgumentException(where + label + " takes no options");
				if (nodes.isEmpty()) throw new IllegalArgumentException(where + open.label() + " (line " + lines.get(openedAt) + ") holds no steps");
				checkOptions(open, nodes.size(), source + ", line " + lines.get(openedAt) + ": ");
				return nodes;
			}
			if (ONE_OF.equals(label) || SOME_OF.equals(label)) nodes.add(new Node(line, parse(steps, at, line, lines, source)));
			else nodes.add(new Node(line, null));
		}
		if (open != null) throw new IllegalArgumentException(source + ", line " + lines.get(openedAt) + ": " + open.label() + " is not closed by "
			+ (ONE_OF.equals(open.label()) ? END_ONE_OF : END_SOME_OF));
		return nodes;
	}

	private static void checkOptions(final MacroLine open, final int count, final String where) {
		final String o = open.options();
		final List<String> allowed = ONE_OF.equals(open.label()) ? ONE_OF_KEYS : SOME_OF_KEYS;
		try {
			for (final String key : MacroOptionSyntax.keys(o))
				if (!allowed.contains(key)) throw new IllegalArgumentException("unknown option '" + key + "' of " + open.label() + "; it takes " + allowed);
			weights(o, count);
			RandomSpatialTransform.requireProbability("p", number(o, "p", 1));
			final String seed = MacroOptionSyntax.value(o, "seed");
			if (!Seeds.isEmpty(seed)) Seeds.resolve(seed);
			if (SOME_OF.equals(open.label())) {
				final double min = number(o, "n_min", count), max = number(o, "n_max", count);
				if (min != Math.rint(min) || max != Math.rint(max) || min < 0 || max < min)
					throw new IllegalArgumentException("n_min and n_max must be whole numbers with 0 <= n_min <= n_max, got " + min + " and " + max);
				if (!flag(o, "replace") && max > count)
					throw new IllegalArgumentException("n_max = " + (int) max + " without replacement, but the group holds " + count + " steps");
			}
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException(where + e.getMessage());
		}
	}

	/** The {@code weights} option ({@code [2 1]}, spaces or commas), one per step; equal weights when absent. */
	private static double[] weights(final String options, final int count) {
		final String text = MacroOptionSyntax.value(options, "weights");
		final double[] w = new double[count];
		if (text == null || text.trim().isEmpty()) {
			Arrays.fill(w, 1);
			return w;
		}
		final String[] parts = text.trim().split("[\\s,]+");
		if (parts.length != count) throw new IllegalArgumentException("weights has " + parts.length + " numbers for " + count + " steps: '" + text + "'");
		for (int i = 0; i < count; i++) {
			try {
				w[i] = Double.parseDouble(parts[i]);
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException("weights must be numbers, got '" + text + "'");
			}
		}
		return Selection.checkWeights(w);
	}

	private static double number(final String options, final String key, final double fallback) {
		final String v = MacroOptionSyntax.value(options, key);
		if (v == null || v.trim().isEmpty()) return fallback;
		try {
			return Double.parseDouble(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("option '" + key + "' must be a number, got '" + v + "'");
		}
	}

	private static boolean flag(final String options, final String key) {
		final String v = MacroOptionSyntax.value(options, key);
		if (v == null) return MacroOptionSyntax.keys(options).contains(key);
		if ("true".equalsIgnoreCase(v.trim())) return true;
		if ("false".equalsIgnoreCase(v.trim())) return false;
		throw new IllegalArgumentException("option '" + key + "' must be true or false, got '" + v + "'");
	}

	/** A copy of a step with one option set (added at the end when absent), other options as they were. */
	public static MacroLine withOption(final MacroLine step, final String key, final String value) {
		final StringBuilder sb = new StringBuilder();
		boolean replaced = false;
		for (final String k : MacroOptionSyntax.keys(step.options())) {
			final String v = k.equals(key) ? value : MacroOptionSyntax.value(step.options(), k);
			replaced |= k.equals(key);
			if (sb.length() > 0) sb.append(' ');
			sb.append(v == null ? k : MacroOptionSyntax.format(k, v));
		}
		if (!replaced) sb.append(sb.length() > 0 ? " " : "").append(MacroOptionSyntax.format(key, value));
		return new MacroLine(step.label(), sb.toString());
	}
}
