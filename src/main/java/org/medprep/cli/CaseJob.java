package org.medprep.cli;

import java.io.PrintWriter;
import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.medprep.cli.batch.BatchRun;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.Manifest;
import org.medprep.cli.batch.Shard;
import org.scijava.Context;

/**
 * A prepared {@code medprep run} as a small value a cluster ships to its
 * workers, and what a worker does with one case of it: the case runs exactly as
 * in {@code medprep run} (the same checked pipeline, per-case seeds, members,
 * failure boundary, staged outputs), and its manifest row is appended to a file
 * of the task's own ({@link #taskManifest}), which the driver reads back
 * ({@link DistributedRun#finish}). A retried or repeated task is safe: outputs
 * are staged and renamed, and a case's bits do not depend on where it runs.
 * <p>
 * Starting a case's SciJava context costs more than a small case, so each
 * worker JVM keeps the contexts its tasks made, one per task running at a
 * time, for the rest of the job ({@link #closeWorkers} frees them where the
 * driver shares the JVM, as in Spark's local mode).
 */
public final class CaseJob implements Serializable {

	private static final long serialVersionUID = 1L;

	/** Prefix of the task manifests, which resume reads like any other manifest. */
	static final String TASK_MANIFEST_PREFIX = Manifest.FILE_PREFIX + "-task-";

	private final String runId;
	private final String pipelineText;
	private final String pipelineSource;
	private final ArrayList<String> stepLines;
	private final ArrayList<String> members;
	private final String outDir;
	private final String format;
	private final boolean fuse;
	private final Long seed;
	private final int threads;
	private final String digest;
	private final int shardIndex, shardCount;
	private final boolean quiet;

	CaseJob(final String runId, final String pipelineText, final String pipelineSource, final List<String> stepLines, final List<MemberSource> members,
		final Path outDir, final String format, final boolean fuse, final Long seed, final int threads, final String digest, final Shard shard,
		final boolean quiet)
	{
		this.runId = runId;
		this.pipelineText = pipelineText;
		this.pipelineSource = pipelineSource;
		this.stepLines = stepLines == null ? null : new ArrayList<>(stepLines);
		this.members = new ArrayList<>();
		for (final MemberSource m : members) this.members.add(m.role.name() + "\t" + m.name + "\t" + m.path);
		this.outDir = outDir.toString();
		this.format = format;
		this.fuse = fuse;
		this.seed = seed;
		this.threads = threads;
		this.digest = digest;
		this.shardIndex = shard.index();
		this.shardCount = shard.count();
		this.quiet = quiet;
	}

	/** Identifies this run (its task manifests carry it). */
	public String runId() {
		return runId;
	}

	/** The manifest file one attempt of one task writes, in the output folder. */
	public String taskManifest(final int task, final int attempt) {
		return String.format(Locale.ROOT, "%s%s-%05d-%d%s", TASK_MANIFEST_PREFIX, runId, task, attempt, Manifest.FILE_SUFFIX);
	}

	/**
	 * Runs one case on this worker and records it in the task's own manifest.
	 *
	 * @param task the task's number in the job, for its manifest's name
	 * @param attempt which attempt of the task this is (a retry writes a file of its own)
	 * @return the case's manifest row as JSON
	 * @throws RuntimeException if this worker cannot start MedPrep (the task fails; a cluster retries it)
	 */
	public String run(final CaseRef c, final int task, final int attempt) {
		final Worker w = take();
		try {
			final BatchRun one = new BatchRun(w.task, Manifest.appendOnly(Path.of(outDir), taskManifest(task, attempt)), digest, Shard.of(shardIndex, shardCount),
				true, new TaskLines(new PrintWriter(System.err, true), quiet));
			return one.runCase(c).toJson();
		}
		finally {
			give(w);
		}
	}

	/** Frees the contexts this JVM's tasks of this job kept. */
	public void closeWorkers() {
		final Pool pool = POOLS.remove(runId);
		if (pool == null) return;
		for (Worker w = pool.idle.poll(); w != null; w = pool.idle.poll()) w.context.dispose();
	}

	/** A context and the case task made in it; one task uses it at a time (a case registers its images' titles there). */
	private static final class Worker {
		final Context context;
		final PipelineCaseTask task;

		Worker(final Context context, final PipelineCaseTask task) {
			this.context = context;
			this.task = task;
		}
	}

	/** The idle workers of one job on this JVM (each context has the job's thread count; ImageJ's setting is never changed). */
	private static final class Pool {
		final Queue<Worker> idle = new ConcurrentLinkedQueue<>();
	}

	/** The workers each job's tasks left on this JVM, by run id. */
	private static final Map<String, Pool> POOLS = new ConcurrentHashMap<>();

	private Worker take() {
		final Worker idle = POOLS.computeIfAbsent(runId, k -> new Pool()).idle.poll();
		return idle != null ? idle : newWorker();
	}

	private void give(final Worker w) {
		POOLS.computeIfAbsent(runId, k -> new Pool()).idle.add(w);
	}

	private Worker newWorker() {
		// an executor JVM did not start through MedPrep's main: ImageJ must not look for a display there
		if (System.getProperty("java.awt.headless") == null) System.setProperty("java.awt.headless", "true");
		final Context context = CliContext.create(threads);
		try {
			final List<MemberSource> sources = members();
			final Path out = Path.of(outDir);
			final PipelineCaseExecution execution = new PipelineCaseExecution(context, sources, out, format, fuse);
			final CheckedPipeline checked = RunBatch.check(context, lines(), execution);
			return new Worker(context, new PipelineCaseTask(new CaseSeeding(checked, seed), execution, checked, out));
		}
		catch (final RuntimeException e) {
			context.dispose();
			throw e;
		}
	}

	private List<PipelineText.Line> lines() {
		return pipelineText != null ? PipelineText.parse(pipelineText, pipelineSource) : PipelineText.ofSteps(stepLines);
	}

	private List<MemberSource> members() {
		if (members.isEmpty()) return Collections.emptyList();
		final List<MemberSource> list = new ArrayList<>();
		for (final String m : members) {
			final String[] f = m.split("\t", 3);
			list.add(new MemberSource(f[1], MemberSource.Role.valueOf(f[0]), Path.of(f[2])));
		}
		return list;
	}
}
