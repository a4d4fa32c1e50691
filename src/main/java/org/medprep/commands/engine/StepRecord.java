package org.medprep.commands.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.medprep.core.History;
import org.medprep.core.augment.SpatialDraw;
import org.medprep.core.spatial.SpatialPlan;

/**
 * What one run of a command records in the subject's history, collected
 * while it runs (one record per run, never kept in the command): the macro
 * line with every option as given, except the values the step really used
 * instead ({@link #option}: the seed it drew, the level and width of a preset),
 * the parameters it drew, and the plan of a spatial step.
 */
public final class StepRecord {

	private final String label;
	private final Map<String, String> options;
	private final List<UnaryOperator<History.Step>> records = new ArrayList<>();

	/**
	 * @param label the command's menu label
	 * @param options the options as given, name to text, in the Recorder's order
	 */
	public StepRecord(final String label, final Map<String, String> options) {
		this.label = label;
		this.options = new LinkedHashMap<>(options);
	}

	/** Records the value an option really had (a drawn seed, a preset's level); an option not given is appended. */
	public StepRecord option(final String name, final String value) {
		options.put(name, value);
		return this;
	}

	/** Records the seed the step drew from (what an empty seed option became). */
	public StepRecord seed(final long seed) {
		return option("seed", Long.toString(seed));
	}

	/**
	 * The seed a random step uses: its seed option, or a seed drawn when the
	 * option is empty; recorded either way, so the step's line replays the same draws.
	 *
	 * @throws IllegalArgumentException if the option is not a whole number
	 */
	public long resolveSeed(final String seedOption) {
		final long used = Seeds.resolve(seedOption);
		seed(used);
		return used;
	}

	/** Records a drawn parameter (a value without spaces). */
	public StepRecord drawn(final String name, final String value) {
		records.add(s -> s.withDrawn(name, value));
		return this;
	}

	public StepRecord drawn(final String name, final double value) {
		records.add(s -> s.withDrawn(name, value));
		return this;
	}

	public StepRecord drawn(final String name, final double[] values) {
		final double[] v = values.clone();
		records.add(s -> s.withDrawn(name, v));
		return this;
	}

	/** Records what a random spatial transform drew. */
	public StepRecord draw(final SpatialDraw draw) {
		records.add(draw::record);
		return this;
	}

	/** Records the plan a spatial step resampled with. */
	public StepRecord plan(final SpatialPlan plan) {
		records.add(s -> s.withPlan(plan));
		return this;
	}

	/** The step's macro line, with the values it really used. */
	public MacroLine line() {
		final StringBuilder sb = new StringBuilder();
		options.forEach((name, value) -> sb.append(sb.length() > 0 ? " " : "").append(MacroOptionSyntax.format(name, value)));
		return new MacroLine(label, sb.toString());
	}

	/** The history step. */
	public History.Step toStep() {
		History.Step s = History.Step.of(line().toString());
		for (final UnaryOperator<History.Step> r : records) s = r.apply(s);
		return s;
	}
}
