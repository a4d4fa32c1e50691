package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

class SegmentBenchmarksTest {

	@Test
	void quickCasesRunAndTheSuiteIsRegistered() throws Exception {
		boolean found = false;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class)) found |= s.name().equals("segment");
		assertTrue(found, "segment suite not registered in META-INF/services");
		final List<BenchmarkCase> cases = new SegmentBenchmarks().cases(true);
		assertEquals(4, cases.size());
		for (final BenchmarkCase c : cases) {
			assertEquals(64L * 64 * 8, c.voxels());
			assertNotNull(c.run(c.setup()), c.name());
		}
	}
}
