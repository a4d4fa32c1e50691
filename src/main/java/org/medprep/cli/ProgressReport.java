package org.medprep.cli;

import java.io.PrintWriter;
import java.util.Locale;

import org.medprep.cli.batch.BatchListener;
import org.medprep.cli.batch.BatchSummary;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.CaseResult;

/**
 * Shows a batch as it goes, on standard error: on a terminal, a bar with
 * cases done, throughput and time left, redrawn as each case ends; otherwise
 * (a log file, a cluster job) one line per finished case with its time.
 * Failures are always shown; {@code --quiet} shows nothing else.
 */
final class ProgressReport implements BatchListener {

	enum Style { BAR, LINES, QUIET }

	private final PrintWriter err;
	private final Style style;
	private int total, toRun, finished, failed;
	private long t0;

	ProgressReport(final PrintWriter err, final Style style) {
		this.err = err;
		this.style = style;
	}

	@Override
	public void runStarted(final int cases, final int alreadyDone) {
		total = cases;
		toRun = cases - alreadyDone;
		t0 = System.nanoTime();
		if (alreadyDone > 0 && style != Style.QUIET)
			err.println(alreadyDone + " of " + cases + " case(s) done in an earlier run with the same pipeline and inputs: skipped (--force redoes them)");
		if (style == Style.BAR) draw(null);
		err.flush();
	}

	@Override
	public void caseStarted(final CaseRef c) {
		if (style == Style.BAR) draw(c.name());
	}

	@Override
	public void caseFinished(final CaseResult r) {
		if (r.status() == CaseResult.Status.SKIPPED) return;
		finished++;
		final String position = "[" + finished + "/" + toRun + "] ";
		if (r.status() == CaseResult.Status.FAILED) {
			failed++;
			if (style == Style.BAR) err.print("\r" + blank() + "\r");
			err.println(position + "FAILED " + r.ref() + ": " + r.error());
			if (r.cause() != null && Boolean.getBoolean("medprep.debug")) r.cause().printStackTrace(err);
		}
		else if (style == Style.LINES) err.println(String.format(Locale.ROOT, "%sdone %s  %.2f s", position, r.ref().name(), r.seconds()));
		if (style == Style.BAR) draw(null);
		err.flush();
	}

	@Override
	public void runFinished(final BatchSummary summary) {
		if (style == Style.BAR) {
			draw(null);
			err.println();
		}
		err.flush();
	}

	private void draw(final String running) {
		final double elapsed = (System.nanoTime() - t0) / 1e9;
		String line = bar(finished, toRun, failed, elapsed, 30);
		if (running != null) line += "  " + running;
		err.print("\r" + pad(line));
		err.flush();
	}

	/** The bar's line is cut to the terminal's width (COLUMNS, when the shell exports it), so redrawing never wraps. */
	private static final int WIDTH = width(System.getenv("COLUMNS"));

	static int width(final String columns) {
		try {
			return columns == null ? 79 : Math.max(20, Math.min(200, Integer.parseInt(columns.trim()) - 1));
		}
		catch (final NumberFormatException e) {
			return 79;
		}
	}

	private static String pad(final String s) {
		final String cut = s.length() > WIDTH ? s.substring(0, WIDTH) : s;
		return cut + blank().substring(cut.length());
	}

	private static String blank() {
		return String.format("%" + WIDTH + "s", "");
	}

	/** {@code [=====>    ] 12/40  0.8 cases/s  ETA 0:35  1 failed}: throughput and time left from the cases finished so far. */
	static String bar(final int done, final int total, final int failed, final double elapsedSeconds, final int width) {
		final int filled = total == 0 ? width : (int) ((long) width * done / total);
		final StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < width; i++) sb.append(i < filled ? '=' : i == filled ? '>' : ' ');
		sb.append("] ").append(done).append('/').append(total);
		if (done > 0 && elapsedSeconds > 0) {
			final double rate = done / elapsedSeconds;
			sb.append(String.format(Locale.ROOT, "  %.2f cases/s", rate));
			if (done < total) sb.append("  ETA ").append(clock((total - done) / rate));
		}
		if (failed > 0) sb.append("  ").append(failed).append(" failed");
		return sb.toString();
	}

	/** h:mm:ss, or m:ss under an hour. */
	static String clock(final double seconds) {
		final long s = Math.round(seconds);
		return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
	}
}
