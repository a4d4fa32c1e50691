package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

/** Every case of the normalize suite runs (quick inputs, not timed), and the suite is registered. */
class NormalizeBenchmarksTest {

	@Test
	void everyQuickCaseRuns() throws Exception {
		for (final BenchmarkCase c : new NormalizeBenchmarks().cases(true))
			assertNotNull(c.run(c.setup()), c.name());
		assertEquals(9, new NormalizeBenchmarks().cases(true).size());
	}

	@Test
	void registeredForMedprepBench() {
		boolean found = false;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class))
			found |= s.name().equals("normalize");
		assertTrue(found);
	}
}
