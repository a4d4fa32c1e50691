package org.medprep.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.medprep.cli.batch.BatchListener;
import org.medprep.cli.batch.BatchSummary;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.Manifest;
import org.medprep.cli.batch.ManifestRow;
import org.scijava.Context;

/**
 * {@code medprep run} with its cases run elsewhere, for a cluster host such as
 * the Spark runner. The driver prepares the run exactly as {@code medprep run}
 * does (the same options, checks, case list, output safety, staging clean-up
 * and resume decision), hands out the {@link #pending} cases with a
 * {@link #job} that workers run them with, one task per case, and at the end
 * ({@link #finish}) reads back the rows the tasks wrote, appends them to the
 * run's manifest (the one {@code medprep run} writes, so either resumes the
 * other), removes the task manifests and prints the same summary.
 */
public final class DistributedRun implements AutoCloseable {

	private final Context context;
	private final RunBatch batch;
	private final RunBatch.Prepared prepared;
	private final List<CaseRef> pending;
	private final CaseJob job;
	private final Path outDir;
	private final long t0;

	private DistributedRun(final Context context, final RunBatch batch, final RunBatch.Prepared prepared, final List<CaseRef> pending, final CaseJob job,
		final Path outDir, final long t0)
	{
		this.context = context;
		this.batch = batch;
		this.prepared = prepared;
		this.pending = pending;
		this.job = job;
		this.outDir = outDir;
		this.t0 = t0;
	}

	/**
	 * Checks the run and decides which cases it has to do; notices and input problems
	 * go to {@code err} as in {@code medprep run}.
	 *
	 * @param threadsPerCase threads for each case's operations unless --threads says otherwise
	 *          (a cluster runs as many cases at once as it has cores)
	 * @throws IllegalArgumentException for a usage error (nothing has run)
	 */
	public static DistributedRun prepare(final RunOptions options, final PrintWriter out, final PrintWriter err, final Map<String, String> env,
		final int threadsPerCase) throws IOException
	{
		final long t0 = System.nanoTime();
		final List<PipelineText.Line> lines = options.lines();
		final String format = options.format();
		final Integer threads = options.threads();
		final List<MemberSource> members = options.members();
		final RunBatch batch = new RunBatch(options.batch, out, err, false, env);
		final Context context = CliContext.create();
		try {
			final PipelineCaseExecution execution = new PipelineCaseExecution(context, members, options.outDir, format, !options.noFusion);
			final RunBatch.Prepared prepared = batch.prepare(context, lines, options.inputs, options.outDir, format, execution);
			final List<CaseRef> pending = prepared.batch(prepared.manifest, options.batch.force, BatchListener.NONE).pending(prepared.mine);
			if (!options.batch.quiet) new ProgressReport(err, ProgressReport.Style.LINES).runStarted(prepared.mine.size(), prepared.mine.size() - pending.size());
			final RunOptions.Steps s = options.steps;
			final String text = s.pipeline == null ? null : new String(Files.readAllBytes(s.pipeline), StandardCharsets.UTF_8);
			final CaseJob job = new CaseJob(UUID.randomUUID().toString().substring(0, 8), text, s.pipeline == null ? null : s.pipeline.toString(), s.steps,
				members, options.outDir, format, !options.noFusion, options.batch.seed, threads != null ? threads : Math.max(1, threadsPerCase),
				prepared.digest, prepared.shard, options.batch.quiet);
			return new DistributedRun(context, batch, prepared, pending, job, options.outDir, t0);
		}
		catch (final IOException | RuntimeException e) {
			context.dispose();
			throw e;
		}
	}

	/** The cases to run, sorted by name: this shard's cases less those finished earlier (unless --force). */
	public List<CaseRef> pending() {
		return pending;
	}

	/** What the workers need to run a case; small and serializable. */
	public CaseJob job() {
		return job;
	}

	/**
	 * Records what the tasks did and sums it up: the rows of this run's task manifests
	 * (and {@code returned}, the rows the tasks handed back, for a row its task could
	 * not write) are appended to the run's manifest in case order, the task manifests
	 * removed, and the summary printed as {@code medprep run} prints it.
	 *
	 * @param returned rows as JSON, null if the job stopped before handing them back
	 * @param stopped why the job stopped early (one line), or null; the cases it left without a row failed with it
	 * @return the exit code: 0, or 1 if a case or an input failed
	 * @throws IOException if the run's manifest cannot be written (the task manifests are then kept, and resume reads them)
	 */
	public int finish(final Collection<String> returned, final String stopped) throws IOException {
		final List<Path> taskFiles = taskManifests();
		final Map<String, ManifestRow> rows = new LinkedHashMap<>();
		for (final Path f : taskFiles)
			for (final ManifestRow row : Manifest.read(f)) {
				final ManifestRow before = rows.get(row.caseName());
				if (before == null || later(row, before)) rows.put(row.caseName(), row);
			}
		if (returned != null) for (final String json : returned) {
			final ManifestRow row = ManifestRow.fromJson(json);
			rows.putIfAbsent(row.caseName(), row);
		}
		final List<ManifestRow> ordered = new ArrayList<>();
		for (final CaseRef c : pending)
			if (rows.containsKey(c.name())) ordered.add(rows.get(c.name()));
		prepared.manifest.appendAll(ordered);
		for (final Path f : taskFiles) Files.deleteIfExists(f);
		final String missing = stopped == null ? "did not finish: its task ended without a record" : "did not finish: " + stopped;
		final BatchSummary summary = BatchSummary.fromRows(pending, rows, prepared.mine.size() - pending.size(), missing, (System.nanoTime() - t0) / 1e9);
		return batch.report(summary, prepared.found, prepared.shard, outDir);
	}

	private static boolean later(final ManifestRow a, final ManifestRow b) {
		return a.finished() != null && b.finished() != null && a.finished().compareTo(b.finished()) > 0;
	}

	/** This run's task manifests in the output folder. */
	private List<Path> taskManifests() throws IOException {
		final List<Path> files = new ArrayList<>();
		if (!Files.isDirectory(outDir)) return files;
		try (DirectoryStream<Path> s = Files.newDirectoryStream(outDir, CaseJob.TASK_MANIFEST_PREFIX + job.runId() + "-*" + Manifest.FILE_SUFFIX)) {
			for (final Path p : s) files.add(p);
		}
		files.sort(null);
		return files;
	}

	@Override
	public void close() {
		context.dispose();
	}
}
