package org.medprep.cli.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The outcome of a batch: counts, the failed cases with their reasons, and the wall time. */
public final class BatchSummary {

	private final int cases;
	private final int done;
	private final int skipped;
	private final List<CaseResult> failed;
	private final double seconds;

	BatchSummary(final int cases, final int done, final int skipped, final List<CaseResult> failed, final double seconds) {
		this.cases = cases;
		this.done = done;
		this.skipped = skipped;
		this.failed = Collections.unmodifiableList(new ArrayList<>(failed));
		this.seconds = seconds;
	}

	public int cases() { return cases; }
	public int done() { return done; }
	/** Cases finished in an earlier run with the same pipeline and inputs. */
	public int skipped() { return skipped; }
	public List<CaseResult> failed() { return failed; }
	public double seconds() { return seconds; }
	public boolean anyFailed() { return !failed.isEmpty(); }
}
