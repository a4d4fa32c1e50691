package org.medprep.cli.batch;

/**
 * Hears how a batch goes, case by case; a host shows it (a progress bar, log
 * lines, a Spark accumulator). Called from the thread that runs the batch,
 * in case order, also when several cases run at once.
 */
public interface BatchListener {

	BatchListener NONE = new BatchListener() {};

	/** Before the first case: how many cases the run has, and how many of them were finished in an earlier run. */
	default void runStarted(final int cases, final int alreadyDone) {}

	default void caseStarted(final CaseRef c) {}

	/** A case ended: done, failed, or skipped as finished earlier. */
	default void caseFinished(final CaseResult result) {}

	default void runFinished(final BatchSummary summary) {}
}
