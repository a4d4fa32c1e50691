package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.medprep.core.segment.NmfResult;

class SegmentBenchmarksTest {

	@Test
	void quickCasesRunAndTheSuiteIsRegistered() throws Exception {
		boolean found = false;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class)) found |= s.name().equals("segment");
		assertTrue(found, "segment suite not registered in META-INF/services");
		final List<BenchmarkCase> cases = new SegmentBenchmarks().cases(true);
		assertEquals(5, cases.size());
		for (final BenchmarkCase c : cases) {
			final boolean iteration = c.name().startsWith("NMF iteration");
			// the iteration case counts the voxels once per iteration
			assertEquals(64L * 64 * 8 * (iteration ? 20 : 1), c.voxels(), c.name());
			final Object result = c.run(c.setup());
			assertNotNull(result, c.name());
			if (iteration) assertEquals(20, ((NmfResult) result).iterations(), c.name());
		}
	}
}
