package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;

/** Every quick case runs and does its work (no timing here: that is {@code medprep bench}). */
class NiftiBenchmarksTest {

	@Test
	void quickCasesRun() throws Exception {
		int found = 0;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class))
			if (s.name().equals("nifti")) found++;
		assertEquals(1, found, "registered once in META-INF/services");
		final NiftiBenchmarks suite = new NiftiBenchmarks();
		assertEquals(6, suite.cases(true).size());
		for (final BenchmarkCase c : suite.cases(true)) {
			assertEquals(64L * 64 * 16, c.voxels());
			final Object result = c.run(c.setup());
			if (c.name().startsWith("write")) assertTrue(Files.size((Path) result) > 64 * 64 * 16 / 10, c.name());
			else assertEquals(64L * 64 * 16, ((Volume<?>) result).numVoxels(), c.name());
		}
	}
}
