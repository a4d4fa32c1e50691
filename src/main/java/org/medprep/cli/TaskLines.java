package org.medprep.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.medprep.cli.batch.BatchListener;
import org.medprep.cli.batch.CaseResult;

/**
 * How a worker that runs single cases for a cluster task shows them: one line
 * per finished case on its standard error (the executor's log; the console in
 * Spark's local mode), failures always, the rest unless quiet.
 */
final class TaskLines implements BatchListener {

	private final PrintWriter err;
	private final boolean quiet;

	TaskLines(final PrintWriter err, final boolean quiet) {
		this.err = err;
		this.quiet = quiet;
	}

	@Override
	public void caseFinished(final CaseResult r) {
		if (r.status() == CaseResult.Status.FAILED) {
			err.println("FAILED " + r.ref() + ": " + r.error());
			if (r.cause() != null && Boolean.getBoolean("medprep.debug")) r.cause().printStackTrace(err);
		}
		else if (r.status() == CaseResult.Status.DONE && !quiet) err.println(String.format(Locale.ROOT, "done %s  %.2f s", r.ref().name(), r.seconds()));
		err.flush();
	}
}
