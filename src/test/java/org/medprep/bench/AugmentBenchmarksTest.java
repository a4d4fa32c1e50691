package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

class AugmentBenchmarksTest {

	@Test
	void quickCasesRunAndTheSuiteIsRegistered() throws Exception {
		boolean found = false;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class)) found |= s.name().equals("augment");
		assertTrue(found, "augment suite not registered in META-INF/services");
		final List<BenchmarkCase> cases = new AugmentBenchmarks().cases(true);
		assertEquals(19, cases.size());
		for (final BenchmarkCase c : cases) {
			assertTrue(c.voxels() == 32L * 28 * 24 || c.voxels() == 10L * 32 * 28 * 24, c.name());
			assertNotNull(c.run(c.setup()), c.name());
		}
	}
}
