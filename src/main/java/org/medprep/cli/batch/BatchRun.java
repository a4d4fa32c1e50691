package org.medprep.cli.batch;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs a task on every case, each inside its {@link CaseBoundary}, records each
 * finished case in the manifest, and skips the cases the manifest shows done
 * with the same pipeline and inputs (unless forced).
 * <p>
 * With several cases at once ({@link #casesAtOnce}), the next cases start while
 * earlier ones run, each on a thread of its own, but everything else happens in
 * case order on the calling thread, as with one case at a time: the listener
 * hears each case start and finish in order, each row is appended to the
 * manifest in order, and a case starts only once the case that many places
 * before it is recorded, so at most that many cases are in memory. What a case
 * writes does not depend on which thread ran it.
 */
public final class BatchRun {

	private final CaseTask task;
	private final Manifest manifest;
	private final String pipeline;
	private final Shard shard;
	private final boolean force;
	private final BatchListener listener;
	private final int casesAtOnce;

	/**
	 * @param pipeline a digest of everything that decides the outputs besides the inputs
	 *          (steps, master seed, output format): a changed pipeline redoes every case
	 * @param force redo cases that are done
	 */
	public BatchRun(final CaseTask task, final Manifest manifest, final String pipeline, final Shard shard, final boolean force,
		final BatchListener listener)
	{
		this(task, manifest, pipeline, shard, force, listener, 1);
	}

	private BatchRun(final CaseTask task, final Manifest manifest, final String pipeline, final Shard shard, final boolean force,
		final BatchListener listener, final int casesAtOnce)
	{
		this.task = task;
		this.manifest = manifest;
		this.pipeline = pipeline;
		this.shard = shard;
		this.force = force;
		this.listener = listener;
		this.casesAtOnce = casesAtOnce;
	}

	/**
	 * The same run with up to {@code cases} cases running at once; the task must
	 * then be safe to run on several cases at the same time.
	 *
	 * @throws IllegalArgumentException if {@code cases} is below 1
	 */
	public BatchRun casesAtOnce(final int cases) {
		if (cases < 1) throw new IllegalArgumentException("cases at once must be at least 1, got " + cases);
		return new BatchRun(task, manifest, pipeline, shard, force, listener, cases);
	}

	public BatchSummary run(final List<CaseRef> cases) {
		final long t0 = System.nanoTime();
		final List<InputStamp> stamps = new ArrayList<>();
		final List<Boolean> finished = new ArrayList<>();
		int alreadyDone = 0;
		for (final CaseRef c : cases) {
			final InputStamp stamp = stamp(c);
			final boolean done = isDone(c, stamp);
			stamps.add(stamp);
			finished.add(done);
			if (done) alreadyDone++;
		}
		listener.runStarted(cases.size(), alreadyDone);
		int done = 0;
		final List<CaseResult> failed = new ArrayList<>();
		final ExecutorService threads = casesAtOnce > 1 && cases.size() - alreadyDone > 1 ? caseThreads() : null;
		try {
			// case i is reported in its turn; up to casesAtOnce cases from i on have started (next: the first not started)
			final List<Future<CaseResult>> started = new ArrayList<>(Collections.nCopies(cases.size(), null));
			int next = 0, running = 0;
			for (int i = 0; i < cases.size(); i++) {
				final CaseRef c = cases.get(i);
				if (finished.get(i)) {
					listener.caseFinished(CaseResult.skipped(c));
					continue;
				}
				for (; next < cases.size() && running < casesAtOnce; next++) {
					if (finished.get(next)) continue;
					listener.caseStarted(cases.get(next));
					started.set(next, start(cases.get(next), threads));
					running++;
				}
				final CaseResult r = record(c, stamps.get(i), await(c, started.set(i, null))).result;
				running--;
				if (r.status() == CaseResult.Status.DONE) done++;
				else failed.add(r);
			}
		}
		finally {
			if (threads != null) threads.shutdownNow();
		}
		final BatchSummary summary = new BatchSummary(cases.size(), done, alreadyDone, failed, (System.nanoTime() - t0) / 1e9);
		listener.runFinished(summary);
		return summary;
	}

	/**
	 * The cases a run has to do: those the manifest does not show done with the same
	 * pipeline and inputs (all of them when forced). For a host that runs the cases
	 * elsewhere, one {@link #runCase} each.
	 */
	public List<CaseRef> pending(final List<CaseRef> cases) {
		final List<CaseRef> todo = new ArrayList<>();
		for (final CaseRef c : cases)
			if (!isDone(c, stamp(c))) todo.add(c);
		return todo;
	}

	/**
	 * Runs one case inside its boundary and appends its row to the manifest, whatever
	 * an earlier run recorded (a host that runs cases elsewhere chose them with
	 * {@link #pending}).
	 *
	 * @return the case's row; a row that could not be written says so, as a failure
	 */
	public ManifestRow runCase(final CaseRef c) {
		return runAndRecord(c, stamp(c)).row;
	}

	private boolean isDone(final CaseRef c, final InputStamp stamp) {
		return !force && manifest.isDone(c.name(), pipeline, stamp);
	}

	private static final class Recorded {
		final CaseResult result;
		final ManifestRow row;

		Recorded(final CaseResult result, final ManifestRow row) {
			this.result = result;
			this.row = row;
		}
	}

	/** The result of a case that started. */
	private static CaseResult await(final CaseRef c, final Future<CaseResult> result) {
		try {
			return result.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			result.cancel(true);
			return CaseResult.failed(c, 0, "interrupted", e);
		}
		catch (final ExecutionException e) {
			// the boundary catches everything a case throws; this is the boundary itself failing
			return CaseResult.failed(c, 0, CaseBoundary.reason(e.getCause()), e.getCause());
		}
	}

	/** The case inside its boundary: on a case thread, or now on this one (one case at a time). */
	private Future<CaseResult> start(final CaseRef c, final ExecutorService threads) {
		if (threads != null) return threads.submit(() -> CaseBoundary.run(c, task));
		final FutureTask<CaseResult> now = new FutureTask<>(() -> CaseBoundary.run(c, task));
		now.run();
		return now;
	}

	/** Threads for the cases that run at once: daemons, so a stuck case cannot keep the JVM alive after the run. */
	private ExecutorService caseThreads() {
		final AtomicInteger n = new AtomicInteger();
		return Executors.newFixedThreadPool(casesAtOnce, r -> {
			final Thread t = new Thread(r, "medprep-case-" + n.incrementAndGet());
			t.setDaemon(true);
			return t;
		});
	}

	private Recorded runAndRecord(final CaseRef c, final InputStamp stamp) {
		listener.caseStarted(c);
		return record(c, stamp, CaseBoundary.run(c, task));
	}

	/** Appends the case's row to the manifest and tells the listener. */
	private Recorded record(final CaseRef c, final InputStamp stamp, final CaseResult result) {
		CaseResult r = result;
		ManifestRow row = ManifestRow.of(r, stamp, pipeline, shard, Instant.now().toString());
		try {
			manifest.append(row);
		}
		catch (final IOException | RuntimeException e) {
			r = CaseResult.failed(c, r.seconds(), "could not be recorded in " + manifest.file() + ": " + e.getMessage(), e);
			row = ManifestRow.of(r, stamp, pipeline, shard, row.finished);
		}
		listener.caseFinished(r);
		return new Recorded(r, row);
	}

	private InputStamp stamp(final CaseRef c) {
		final List<String> all = task.inputs(c);
		final List<String> own = new ArrayList<>(), others = new ArrayList<>();
		for (final String f : all) (c.files().contains(f) ? own : others).add(f);
		return InputStamp.of(c, own, others);
	}
}
