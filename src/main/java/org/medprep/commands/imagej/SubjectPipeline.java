package org.medprep.commands.imagej;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.Composition;
import org.medprep.commands.engine.MacroLine;
import org.medprep.commands.engine.MacroOptionSyntax;
import org.medprep.commands.engine.Pipeline;
import org.medprep.commands.engine.Threads;
import org.medprep.core.History;
import org.medprep.core.Subject;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/**
 * The steps of a pipeline run on one case, the work {@code medprep run} does
 * for each case and Augmentation Preview does for each of its draws: groups
 * ({@link Composition}) draw what they run, their draw going into the
 * history as a note before the steps that ran; case commands get the subject
 * itself; a command on ImageJ images (a preview, a plot, an export) sees the
 * main image, and the members its options name by their titles for the
 * length of the step; the case goes on unchanged. Spatial steps come back
 * pending (see {@link Subject#transform}): call it with the thread setting in
 * effect ({@link Threads#call}).
 */
public final class SubjectPipeline {

	/** Receives the outputs of the steps other than the case itself (tables, pictures, extra images), by output name. */
	@FunctionalInterface
	public interface Outputs {
		/**
		 * @param ofCase true for an output of a case command (its images carry the case's history), false for one of a command on ImageJ images
		 */
		void output(String name, Object value, boolean ofCase);
	}

	private final Pipeline pipeline;
	private final CommandCatalog catalog;
	private final CommandInvocation invocation;
	private final ImageTitleService titles;

	/** @throws IllegalArgumentException naming a step that names no command */
	public SubjectPipeline(final Context context, final Pipeline pipeline) {
		this.pipeline = pipeline;
		this.catalog = new CommandCatalog(context.service(CommandService.class));
		this.invocation = new CommandInvocation(context);
		this.titles = context.service(ImageTitleService.class);
		for (final MacroLine step : pipeline.steps()) if (!Composition.isMarker(step.label())) catalog.byLabel(step.label());
	}

	private SubjectPipeline(final SubjectPipeline steps, final Pipeline pipeline) {
		this.pipeline = pipeline;
		this.catalog = steps.catalog;
		this.invocation = steps.invocation;
		this.titles = steps.titles;
	}

	public Pipeline pipeline() { return pipeline; }

	/**
	 * The same steps with their seeds drawn from {@code seed}: each group and each
	 * step whose command takes a seed, in order, gets the next number of
	 * {@code new SplittableRandom(seed)} (shifted to stay short) as its
	 * {@code seed} option, whatever it had; other options stay as written.
	 * One seed then gives one draw of a whole recipe (a preview tile).
	 */
	public SubjectPipeline seeded(final long seed) {
		final SplittableRandom seeds = new SplittableRandom(seed);
		final List<MacroLine> out = new ArrayList<>();
		for (final MacroLine step : pipeline.steps()) {
			final long s = seeds.nextLong() >>> 12;
			final boolean group = Composition.ONE_OF.equals(step.label()) || Composition.SOME_OF.equals(step.label());
			final boolean seeded = group || !Composition.isMarker(step.label()) && takesSeed(catalog.byLabel(step.label()));
			out.add(seeded ? Composition.withOption(step, "seed", Long.toString(s)) : step);
		}
		return new SubjectPipeline(this, Pipeline.of(out));
	}

	private static boolean takesSeed(final CommandInfo info) {
		for (final ModuleItem<?> item : CommandOptions.optionItems(info))
			if ("seed".equals(item.getName())) return true;
		return false;
	}

	/**
	 * Runs every step on {@code start}.
	 *
	 * @param title the main image's title for commands on ImageJ images (the case's name)
	 * @throws IllegalArgumentException for a step that fails on this case, with the step's message
	 */
	public Subject run(final Subject start, final String title, final Outputs outputs) {
		Subject subject = start;
		for (final Composition.Item item : Composition.resolve(pipeline.steps())) {
			if (item.note() != null) {
				subject = subject.withStep(History.Step.note(item.note()));
				continue;
			}
			final MacroLine step = item.step();
			final CommandInfo info = catalog.byLabel(step.label());
			if (CommandInvocation.worksOnSubjects(info)) {
				final CommandInvocation.SubjectResult r = invocation.apply(info, step.options(), subject);
				subject = r.subject();
				for (final Map.Entry<String, Object> e : r.extras().entrySet()) {
					if (e.getValue() instanceof ImagePlus) HistoryStore.put((ImagePlus) e.getValue(), subject.history());
					outputs.output(e.getKey(), e.getValue(), true);
				}
				continue;
			}
			final ImagePlus imp = SubjectImages.toImagePlus(subject, subject.mainName(), title, null);
			final CommandInvocation.Result r = withMembersByTitle(subject, step, () -> invocation.run(info, step.options(), imp));
			for (final Map.Entry<String, Object> e : r.outputs().entrySet())
				if (e.getValue() != null) outputs.output(e.getKey(), e.getValue(), false);
		}
		return subject;
	}

	/** Runs {@code work} with the members the step's options name findable by title, then puts back what those titles named before. */
	private CommandInvocation.Result withMembersByTitle(final Subject subject, final MacroLine step, final java.util.function.Supplier<CommandInvocation.Result> work) {
		final Map<String, ImagePlus> before = new LinkedHashMap<>();
		final List<String> added = new ArrayList<>();
		for (final String key : MacroOptionSyntax.keys(step.options())) {
			final String value = MacroOptions.get(step.options(), key);
			if (value == null || !subject.has(value) || value.equals(subject.mainName()) || before.containsKey(value) || added.contains(value)) continue;
			if (titles.isRegistered(value)) before.put(value, titles.find(value));
			else added.add(value);
			titles.register(value, SubjectImages.toImagePlus(subject, value, value, null));
		}
		try {
			return work.get();
		}
		finally {
			for (final String t : added) titles.unregister(t);
			before.forEach(titles::register);
		}
	}
}
