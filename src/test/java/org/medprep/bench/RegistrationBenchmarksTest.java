package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;

class RegistrationBenchmarksTest {

	@Test
	void quickCasesRunAndTheSuiteIsRegistered() throws Exception {
		boolean found = false;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class)) found |= s.name().equals("registration");
		assertTrue(found, "registration suite not registered in META-INF/services");
		final List<BenchmarkCase> cases = new RegistrationBenchmarks().cases(true);
		assertEquals(2, cases.size());
		// 160x160x128 at 6 times the spacing
		assertEquals(27L * 27 * 21, cases.get(0).voxels());
		assertTrue(cases.get(0).name().endsWith("27x27x21"), cases.get(0).name());
		for (final BenchmarkCase c : cases) assertNotNull(c.run(c.setup()), c.name());
	}
}
