package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Every benchmark case runs (quick inputs); speed itself is reported by `medprep bench`, not asserted. */
class BenchCommandTest {

	@Test
	void everyQuickCaseRunsAndReportsThroughput() {
		final CliTest.Run r = CliTest.cli("bench", "--quick", "--repeat", "1");
		assertEquals(0, r.code, r.err);
		final String[] lines = r.out.trim().split("\n");
		assertTrue(lines.length >= 9, r.out);
		for (int i = 1; i < lines.length; i++) {
			final String[] cols = lines[i].trim().split("\\s+");
			final double voxelsPerSecond = Double.parseDouble(cols[cols.length - 2]);
			assertTrue(voxelsPerSecond > 0 && Double.isFinite(voxelsPerSecond), lines[i]);
		}
	}

	@Test
	void unknownSuiteIsAnError() {
		final CliTest.Run r = CliTest.cli("bench", "--quick", "--suite", "nope");
		assertEquals(2, r.code);
		assertTrue(r.err.contains("no benchmark suite matched [nope]"), r.err);
	}
}
