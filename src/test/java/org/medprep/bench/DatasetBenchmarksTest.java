package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

class DatasetBenchmarksTest {

	@Test
	void quickCasesRunAndTheSuiteIsRegistered() throws Exception {
		boolean found = false;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class)) found |= s.name().equals("dataset");
		assertTrue(found, "dataset suite not registered in META-INF/services");
		final List<BenchmarkCase> cases = new DatasetBenchmarks().cases(true);
		assertTrue(cases.size() >= 2);
		for (final BenchmarkCase c : cases) {
			assertTrue(c.voxels() > 0, c.name());
			assertNotNull(c.run(c.setup()), c.name());
		}
	}
}
