package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import org.medprep.cli.batch.BatchListener;

/** The progress bar's text: cases, throughput, time left; and typo suggestions. */
class ProgressReportTest {

	@Test
	void theBarShowsThroughputAndTimeLeft() {
		assertEquals("[>         ] 0/40", ProgressReport.bar(0, 40, 0, 0, 10));
		// 10 of 40 in 20 s: 0.5 cases/s, 30 left take 60 s
		assertEquals("[==>       ] 10/40  0.50 cases/s  ETA 1:00", ProgressReport.bar(10, 40, 0, 20, 10));
		assertEquals("[==========] 40/40  2.00 cases/s  3 failed", ProgressReport.bar(40, 40, 3, 20, 10));
		assertEquals("1:01:01", ProgressReport.clock(3661));
		assertEquals("0:59", ProgressReport.clock(59.4));
		assertEquals(119, ProgressReport.width("120"));
		assertEquals(79, ProgressReport.width(null));
		assertEquals(79, ProgressReport.width("wide"));
	}

	@Test
	void quietShowsNothingButFailures() {
		final StringWriter text = new StringWriter();
		final BatchListener quiet = new ProgressReport(new PrintWriter(text), ProgressReport.Style.QUIET);
		quiet.runStarted(10, 4);
		assertEquals("", text.toString());
		final StringWriter lines = new StringWriter();
		new ProgressReport(new PrintWriter(lines), ProgressReport.Style.LINES).runStarted(10, 4);
		assertTrue(lines.toString().startsWith("4 of 10 case(s) done in an earlier run"), lines.toString());
	}

	@Test
	void typosGetSuggestions() {
		assertEquals(1, Suggestions.distance("levle", "level"));
		assertEquals(" (did you mean 'level'?)", Suggestions.didYouMean("levle", java.util.List.of("width", "level", "output")));
		assertEquals("", Suggestions.didYouMean("sharpen", java.util.List.of("width", "level")));
	}
}
