package org.medprep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.medprep.cli.batch.BatchRun;
import org.medprep.cli.batch.BatchSummary;
import org.medprep.cli.batch.CaseFinder;
import org.medprep.cli.batch.CaseOutput;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.CaseResult;
import org.medprep.cli.batch.CaseTask;
import org.medprep.cli.batch.Digests;
import org.medprep.cli.batch.DicomNaming;
import org.medprep.cli.batch.Manifest;
import org.medprep.cli.batch.OutputCollisions;
import org.medprep.cli.batch.OutputSafety;
import org.medprep.cli.batch.Shard;
import org.medprep.cli.batch.StaleStaging;
import org.medprep.commands.CommandCatalog;
import org.medprep.commands.MacroLine;
import org.medprep.io.dicom.DicomLoadOptions;
import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleService;

/**
 * {@code medprep run} over many cases: checks the whole pipeline, finds the
 * cases, refuses unsafe outputs and colliding names, then runs this shard's
 * cases one by one inside their failure boundary, skipping those an earlier
 * run finished, recording each in the manifest and showing progress. Nothing
 * runs unless every check passed.
 */
final class RunBatch {

	private final BatchOptions options;
	private final PrintWriter out, err;
	private final ProgressReport.Style style;
	private final Map<String, String> env;
	private Integer threads;

	RunBatch(final BatchOptions options, final PrintWriter out, final PrintWriter err, final boolean errIsTerminal, final Map<String, String> env) {
		this.options = options;
		this.out = out;
		this.err = err;
		this.style = options.quiet ? ProgressReport.Style.QUIET : errIsTerminal ? ProgressReport.Style.BAR : ProgressReport.Style.LINES;
		this.env = env;
	}

	/** The run's operations use {@code threads} threads (null: ImageJ's setting); set on the run's context, not globally. */
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
		final Shard shard = options.shard(env);
		final DicomNaming naming = DicomNaming.fromLabel(options.dicomNames);
		try (Context context = CliContext.create(threads)) {
			final CaseExecution cases = execution.apply(context);
			final List<Path> allInputs = new ArrayList<>(inputs);
			allInputs.addAll(cases.sources());
			OutputSafety.check(allInputs, outDir);
			final CommandCatalog catalog = new CommandCatalog(context.service(CommandService.class));
			final CheckedPipeline checked = PipelineCheck.check(lines, catalog, context.service(ModuleService.class), cases.titles(),
				DicomLoadOptions.defaults());
			notice(checked.notices());
			final CaseFinder.Found found = CaseFinder.find(inputs, naming, checked.dicom());
			notice(found.notices());
			for (final String problem : found.problems()) err.println("FAILED " + problem);
			final List<Path> caseFiles = new ArrayList<>();
			for (final CaseRef c : found.cases()) for (final String f : c.files()) caseFiles.add(Path.of(f));
			OutputSafety.check(caseFiles, outDir);
			OutputCollisions.check(found.cases(), c -> cases.outputs(c.name(), checked.pipeline()));

			final List<CaseRef> mine = shard.select(found.cases());
			final List<String> plannedFiles = new ArrayList<>();
			for (final CaseRef c : mine) plannedFiles.addAll(cases.outputs(c.name(), checked.pipeline()));
			final List<Path> stale = StaleStaging.clean(outDir, plannedFiles);
			if (!stale.isEmpty()) notice(Collections.singletonList("removed " + stale.size() + " staging file(s) an interrupted run left in " + outDir));

			final CaseSeeding seeding = new CaseSeeding(checked, options.seed);
			final CaseTask task = new CaseTask() {
				@Override
				public CaseOutput run(final CaseRef c) throws IOException {
					final CaseSeeding.Seeded seeded = seeding.forCase(c.name());
					final List<String> written = new ArrayList<>();
					for (final Path p : cases.run(seeded.pipeline, Case.of(c, checked.dicom()))) written.add(outDir.relativize(p).toString());
					return new CaseOutput(written, seeded.seeds);
				}

				@Override
				public List<String> inputs(final CaseRef c) {
					final List<String> all = new ArrayList<>(c.files());
					all.addAll(cases.inputs(c.name()));
					return all;
				}

				@Override
				public void release(final CaseRef c) {
					cases.release();
				}
			};
			final Manifest manifest = Manifest.open(outDir, shard.manifestName());
			final BatchSummary summary = new BatchRun(task, manifest, digest(checked, format, cases.titles()), shard, options.force,
				new ProgressReport(err, style)).run(mine);
			report(summary, found, shard, outDir);
			return summary.anyFailed() || !found.problems().isEmpty() ? MedPrepCli.EXIT_FAILURES : 0;
		}
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

	private void report(final BatchSummary s, final CaseFinder.Found found, final Shard shard, final Path outDir) {
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
	}
}
