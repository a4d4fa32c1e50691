package org.medprep.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.cli.batch.CaseSeeds;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.MacroOptionSyntax;
import org.medprep.commands.engine.Pipeline;
import org.medprep.commands.engine.Seeds;
import org.medprep.commands.imagej.MacroOptions;

/**
 * Gives each case its own seeds: a seed written in a random step (or
 * {@code --seed}, for every random step) is a master seed, and the step runs
 * on a case with {@link CaseSeeds#derive}(master, case, step number). The seed
 * option is rewritten before the step runs, so the case's history records the
 * seed it used. A random step without a seed draws one per case (recorded too).
 * A case's history run as a pipeline replays that case: its random steps carry
 * their "// drawn:" records, and their seeds are used as written (unless
 * {@code --seed} asks for a new master seed).
 */
final class CaseSeeding {

	private final CheckedPipeline pipeline;
	private final Long master;

	/** @param master {@code --seed}, or null to use the seeds written in the steps */
	CaseSeeding(final CheckedPipeline pipeline, final Long master) {
		this.pipeline = pipeline;
		this.master = master;
	}

	/** The pipeline with each case's seeds, and those seeds by step number. */
	static final class Seeded {
		final Pipeline pipeline;
		final Map<Integer, Long> seeds;

		Seeded(final Pipeline pipeline, final Map<Integer, Long> seeds) {
			this.pipeline = pipeline;
			this.seeds = seeds;
		}
	}

	Seeded forCase(final String caseName) {
		final List<MacroLine> steps = new ArrayList<>();
		final Map<Integer, Long> seeds = new LinkedHashMap<>();
		for (int i = 0; i < pipeline.steps().size(); i++) {
			final MacroLine step = pipeline.steps().get(i);
			if (pipeline.seeded().get(i) && pipeline.recordedDraws().get(i) && master == null) {
				final String written = MacroOptions.get(step.options(), "seed");
				if (!Seeds.isEmpty(written)) seeds.put(i + 1, Seeds.resolve(written));
				steps.add(step);
				continue;
			}
			final Long stepMaster = pipeline.seeded().get(i) ? masterOf(step) : null;
			if (stepMaster == null) {
				steps.add(step);
				continue;
			}
			final long seed = CaseSeeds.derive(stepMaster, caseName, i + 1);
			seeds.put(i + 1, seed);
			steps.add(new MacroLine(step.label(), MacroOptionSyntax.with(step.options(), "seed", Long.toString(seed))));
		}
		return new Seeded(Pipeline.of(steps), seeds);
	}

	private Long masterOf(final MacroLine step) {
		if (master != null) return master;
		final String written = MacroOptions.get(step.options(), "seed");
		return Seeds.isEmpty(written) ? null : Seeds.resolve(written);
	}
}
