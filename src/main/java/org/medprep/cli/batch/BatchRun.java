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
			final boolean done = !force && manifest.isDone(c.name(), pipeline, stamp);
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
			listener.caseStarted(c);
			CaseResult r = CaseBoundary.run(c, task);
			try {
				manifest.append(ManifestRow.of(r, stamps.get(i), pipeline, shard, Instant.now().toString()));
			}
			catch (final IOException | RuntimeException e) {
				r = CaseResult.failed(c, r.seconds(), "could not be recorded in " + manifest.file() + ": " + e.getMessage(), e);
			}
			if (r.status() == CaseResult.Status.DONE) done++;
			else failed.add(r);
			listener.caseFinished(r);
		}
		final BatchSummary summary = new BatchSummary(cases.size(), done, alreadyDone, failed, (System.nanoTime() - t0) / 1e9);
		listener.runFinished(summary);
		return summary;
	}

	private InputStamp stamp(final CaseRef c) {
		final List<String> all = task.inputs(c);
		final List<String> own = new ArrayList<>(), others = new ArrayList<>();
		for (final String f : all) (c.files().contains(f) ? own : others).add(f);
		return InputStamp.of(c, own, others);
	}
}
