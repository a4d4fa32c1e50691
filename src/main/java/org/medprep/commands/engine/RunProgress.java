package org.medprep.commands.engine;

import java.util.concurrent.CancellationException;

/**
 * Stop requests and progress of one command run, as core's parallel loops meet
 * them ({@link Threads#call(org.scijava.Context, java.util.concurrent.Callable, RunProgress)}
 * and its {@link StoppableTaskExecutor}). What a stop request is and where
 * progress shows belong to the host: {@code commands.imagej.CommandProgress}
 * reads Esc and the cancelled command and shows ImageJ's progress bar.
 */
public interface RunProgress {

	/** @throws CancellationException when the user asked to stop */
	void checkpoint();

	/** True on the thread the run started on: its parallel loops are the ones whose progress is shown. */
	boolean onRunnerThread();

	/** Progress of a parallel loop the run's own thread started. */
	void loopProgress(long done, long total);

	/** Called once when the run's work ends, whatever happened. */
	void finish();
}
