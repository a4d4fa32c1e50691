package org.medprep.cli.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

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

	/**
	 * The outcome of cases that ran elsewhere (as cluster tasks), from the rows they recorded.
	 *
	 * @param ran the cases given out, in order
	 * @param rows their rows by case name; a case without one failed, with {@code missing} as its reason
	 * @param skipped cases of the run left out as finished earlier
	 */
	public static BatchSummary fromRows(final List<CaseRef> ran, final Map<String, ManifestRow> rows, final int skipped, final String missing,
		final double seconds)
	{
		int done = 0;
		final List<CaseResult> failed = new ArrayList<>();
		for (final CaseRef c : ran) {
			final ManifestRow row = rows.get(c.name());
			if (row == null) failed.add(CaseResult.failed(c, 0, missing, null));
			else if (CaseResult.Status.DONE.label().equals(row.status)) done++;
			else failed.add(CaseResult.failed(c, row.seconds, row.error == null ? "failed" : row.error, null));
		}
		return new BatchSummary(ran.size() + skipped, done, skipped, failed, seconds);
	}

	public int cases() { return cases; }
	public int done() { return done; }
	/** Cases finished in an earlier run with the same pipeline and inputs. */
	public int skipped() { return skipped; }
	public List<CaseResult> failed() { return failed; }
	public double seconds() { return seconds; }
	public boolean anyFailed() { return !failed.isEmpty(); }
}
