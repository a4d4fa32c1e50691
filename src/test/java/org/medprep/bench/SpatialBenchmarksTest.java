package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

class SpatialBenchmarksTest {

	@Test
	void quickCasesRunAndTheSuiteIsRegistered() throws Exception {
		boolean found = false;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class)) found |= s.name().equals("spatial");
		assertTrue(found, "spatial suite not registered in META-INF/services");
		final List<BenchmarkCase> cases = new SpatialBenchmarks().cases(true);
		assertEquals(7, cases.size());
		// 48x48x20 at 0.8 x 0.8 x 2.5 mm -> 1 mm: 38 x 38 x 50 output voxels
		assertEquals(38L * 38 * 50, cases.get(0).voxels());
		for (final BenchmarkCase c : cases) assertNotNull(c.run(c.setup()), c.name());
	}
}
