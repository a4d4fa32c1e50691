package org.medprep.cli.batch;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a task on every case, each inside its {@link CaseBoundary}, records each
 * finished case in the manifest, and skips the cases the manifest shows done
 * with the same pipeline and inputs (unless forced).
 */
public final class BatchRun {

	private final CaseTask task;
	private final Manifest manifest;
	private final String pipeline;
	private final Shard shard;
	private final boolean force;
	private final BatchListener listener;

	/**
	 * @param pipeline a digest of everything that decides the outputs besides the inputs
	 *          (steps, master seed, output format): a changed pipeline redoes every case
	 * @param force redo cases that are done
	 */
	public BatchRun(final CaseTask task, final Manifest manifest, final String pipeline, final Shard shard, final boolean force,
		final BatchListener listener)
	{
		this.task = task;
		this.manifest = manifest;
		this.pipeline = pipeline;
		this.shard = shard;
		this.force = force;
		this.listener = listener;
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
		for (int i = 0; i < cases.size(); i++) {
			final CaseRef c = cases.get(i);
			if (finished.get(i)) {
				listener.caseFinished(CaseResult.skipped(c));
				continue;
			}
			final CaseResult r = runAndRecord(c, stamps.get(i)).result;
			if (r.status() == CaseResult.Status.DONE) done++;
			else failed.add(r);
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

	private Recorded runAndRecord(final CaseRef c, final InputStamp stamp) {
		listener.caseStarted(c);
		CaseResult r = CaseBoundary.run(c, task);
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
