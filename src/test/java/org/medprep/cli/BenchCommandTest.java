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
			final double voxelsPerSecond = Double.parseDouble(cols[cols.length - 4]);
			assertTrue(voxelsPerSecond > 0 && Double.isFinite(voxelsPerSecond), lines[i]);
		}
	}

	@Test
	void intensityCasesRunOnAGivenVolumeAsMultiplesOfTheMemoryBaseline(@org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir) throws Exception {
		final java.nio.file.Path ct = dir.resolve("ct.nii");
		org.medprep.io.ImageFormats.write(new org.medprep.core.phantom.CtPhantom(40, 30, 8, new double[] { 1, 1, 2 }, 5, 3).image(), ct);
		final CliTest.Run r = CliTest.cli("bench", "--suite", "intensity", "--input", ct.toString(), "--repeat", "1");
		assertEquals(0, r.code, r.err);
		final String[] lines = r.out.trim().split("\n");
		assertTrue(lines[1].startsWith("intensity: memory baseline: float32 copy 40x30x8 input"), lines[1]);
		assertTrue(lines[1].trim().matches(".* 1\\.00 +(1\\.00|-)"), lines[1]);
		assertTrue(lines[2].startsWith("intensity: HU Window float 40x30x8 input"), lines[2]);
		final String[] cols = lines[2].trim().split("\\s+");
		assertTrue(Double.parseDouble(cols[cols.length - 2]) > 0, lines[2]);
	}

	@Test
	void unknownSuiteIsAnError() {
		final CliTest.Run r = CliTest.cli("bench", "--quick", "--suite", "nope");
		assertEquals(2, r.code);
		assertTrue(r.err.contains("no benchmark suite matched [nope]"), r.err);
	}
}
