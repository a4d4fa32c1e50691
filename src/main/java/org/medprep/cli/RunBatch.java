package org.medprep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.medprep.cli.batch.BatchListener;
import org.medprep.cli.batch.BatchRun;
import org.medprep.cli.batch.BatchSummary;
import org.medprep.cli.batch.CaseFinder;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.CaseResult;
import org.medprep.cli.batch.Digests;
import org.medprep.cli.batch.DicomNaming;
import org.medprep.cli.batch.Manifest;
import org.medprep.cli.batch.OutputCollisions;
import org.medprep.cli.batch.OutputSafety;
import org.medprep.cli.batch.Shard;
import org.medprep.cli.batch.StaleStaging;
import org.medprep.commands.engine.CommandCatalog;
import org.medprep.commands.engine.MacroLine;
import org.medprep.io.dicom.DicomLoadOptions;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/**
 * {@code medprep run} over many cases: checks the whole pipeline, finds the
 * cases, refuses unsafe outputs and colliding names, then runs this shard's
 * cases one by one inside their failure boundary, skipping those an earlier
 * run finished, recording each in the manifest and showing progress. Nothing
 * runs unless every check passed. A host that runs the cases elsewhere (a
 * cluster, see {@link DistributedRun}) prepares the run the same way.
 */
final class RunBatch {

	private final BatchOptions options;
	private final PrintWriter out, err;
	private final ProgressReport.Style style;
	private final Map<String, String> env;

	/** The run's operations use this many threads (null: ImageJ's setting); set on the run's context, not globally. */
	private Integer threads;

	RunBatch(final BatchOptions options, final PrintWriter out, final PrintWriter err, final boolean errIsTerminal, final Map<String, String> env) {
		this.options = options;
		this.out = out;
		this.err = err;
		this.style = options.quiet ? ProgressReport.Style.QUIET : errIsTerminal ? ProgressReport.Style.BAR : ProgressReport.Style.LINES;
		this.env = env;
	}

	/** A run that passed every check: its cases, how each runs, its manifest. */
	static final class Prepared {
		final CheckedPipeline checked;
		final CaseFinder.Found found;
		final Shard shard;
		/** This shard's cases. */
		final List<CaseRef> mine;
		final PipelineCaseTask task;
		final Manifest manifest;
		/** What decides the outputs besides the inputs. */
		final String digest;

		Prepared(final CheckedPipeline checked, final CaseFinder.Found found, final Shard shard, final List<CaseRef> mine, final PipelineCaseTask task,
			final Manifest manifest, final String digest)
		{
			this.checked = checked;
			this.found = found;
			this.shard = shard;
			this.mine = mine;
			this.task = task;
			this.manifest = manifest;
			this.digest = digest;
		}

		/** The loop over cases (or a host's one case at a time), recording in {@code into}. */
		BatchRun batch(final Manifest into, final boolean force, final BatchListener listener) {
			return new BatchRun(task, into, digest, shard, force, listener);
		}
	}

	/** Runs the operations with {@code threads} threads (null: ImageJ's setting). */
	RunBatch withThreads(final Integer threads) {
		this.threads = threads;
		return this;
	}

	/**
	 * @param execution how one case runs, made in the run's SciJava context
	 * @return the exit code: 0, or 1 if a case or an input failed (usage errors throw IllegalArgumentException)
	 */
	int run(final List<PipelineText.Line> lines, final List<Path> inputs, final Path outDir, final String format,
		final Function<Context, CaseExecution> execution) throws IOException
	{
		PhaseTimes.mark("command line parsed");
		try (Context context = CliContext.create(threads)) {
			PhaseTimes.mark("context started");
			final Prepared p = prepare(context, lines, inputs, outDir, format, execution.apply(context));
			PhaseTimes.mark("pipeline checked, cases found");
			final BatchSummary summary = p.batch(p.manifest, options.force, new ProgressReport(err, style)).run(p.mine);
			PhaseTimes.mark("outputs renamed, manifest written");
			return report(summary, p.found, p.shard, outDir);
		}
	}

	/**
	 * Everything before the first case: the pipeline checked, the cases found, unsafe
	 * outputs and colliding names refused, an interrupted run's staging files removed,
	 * the manifests read.
	 *
	 * @throws IllegalArgumentException for a usage error (nothing has run)
	 */
	Prepared prepare(final Context context, final List<PipelineText.Line> lines, final List<Path> inputs, final Path outDir, final String format,
		final CaseExecution cases) throws IOException
	{
		final Shard shard = options.shard(env);
		final DicomNaming naming = DicomNaming.fromLabel(options.dicomNames);
		final List<Path> allInputs = new ArrayList<>(inputs);
		allInputs.addAll(cases.sources());
		OutputSafety.check(allInputs, outDir);
		final CheckedPipeline checked = check(context, lines, cases);
		notice(checked.notices());
		final CaseFinder.Found found = CaseFinder.find(inputs, naming, checked.dicom());
		notice(found.notices());
		for (final String problem : found.problems()) err.println("FAILED " + problem);
		OutputSafety.check(found.searched(), outDir);
		final List<Path> caseFiles = new ArrayList<>();
		for (final CaseRef c : found.cases()) for (final String f : c.files()) caseFiles.add(Path.of(f));
		OutputSafety.check(caseFiles, outDir);
		OutputCollisions.check(found.cases(), c -> cases.outputs(c.name(), checked.pipeline()));

		final List<CaseRef> mine = shard.select(found.cases());
		final List<String> plannedFiles = new ArrayList<>();
		for (final CaseRef c : mine) plannedFiles.addAll(cases.outputs(c.name(), checked.pipeline()));
		final List<Path> stale = StaleStaging.clean(outDir, plannedFiles);
		if (!stale.isEmpty()) notice(Collections.singletonList("removed " + stale.size() + " staging file(s) an interrupted run left in " + outDir));

		final PipelineCaseTask task = new PipelineCaseTask(new CaseSeeding(checked, options.seed), cases, checked, outDir);
		final Manifest manifest = Manifest.open(outDir, shard.manifestName());
		return new Prepared(checked, found, shard, mine, task, manifest, digest(checked, format, cases.titles()));
	}

	/** The whole pipeline checked against the commands and the run's image titles. */
	static CheckedPipeline check(final Context context, final List<PipelineText.Line> lines, final CaseExecution cases) {
		final CommandCatalog catalog = new CommandCatalog(context.service(CommandService.class));
		return PipelineCheck.check(lines, catalog, context.service(ModuleService.class), cases.titles(), DicomLoadOptions.defaults());
	}

	/**
	 * What decides a case's outputs besides its inputs: the steps with their master seeds, --seed,
	 * the format, the other images' titles, how DICOM series are loaded and named.
	 */
	private String digest(final CheckedPipeline checked, final String format, final List<String> titles) {
		final StringBuilder sb = new StringBuilder();
		for (final MacroLine step : checked.steps()) sb.append(step).append('\n');
		sb.append("seed=").append(options.seed).append("\nformat=").append(format).append("\nimages=").append(titles);
		final DicomLoadOptions d = checked.dicom();
		sb.append("\ndicom=").append(d.planeFilter().map(p -> p.label()).orElse("all")).append(',').append(d.planeToleranceDegrees()).append(',')
			.append(d.paddingReplacement().orElse(null)).append(',').append(options.dicomNames);
		return Digests.sha256Hex(sb.toString(), 16);
	}

	private void notice(final List<String> notices) {
		if (options.quiet) return;
		for (final String n : notices) err.println("note: " + n);
		err.flush();
	}

	/** The summary line and the failed cases; returns the exit code. */
	int report(final BatchSummary s, final CaseFinder.Found found, final Shard shard, final Path outDir) {
		final int failures = s.failed().size() + found.problems().size();
		out.println(s.cases() + " case(s)" + (shard.isWhole() ? "" : " in shard " + shard + " of " + found.cases().size()) + ", " + failures + " failed ("
			+ s.done() + " done, " + s.skipped() + " done earlier) in " + ProgressReport.clock(s.seconds()) + "; outputs and " + Manifest.FILE_PREFIX
			+ " in " + outDir);
		if (!s.failed().isEmpty()) {
			err.println("failed cases:");
			for (final CaseResult r : s.failed()) err.println("  " + r.ref() + ": " + r.error());
		}
		out.flush();
		err.flush();
		return s.anyFailed() || !found.problems().isEmpty() ? MedPrepCli.EXIT_FAILURES : 0;
	}
}
