package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ServiceLoader;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.deid.DeidRun;

/** The quick "deid" case runs and de-identifies its 20 slices (no timing here: that is {@code medprep bench}). */
class DeidBenchmarksTest {

	@Test
	void quickCaseRuns() throws Exception {
		int found = 0;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class))
			if (s.name().equals("deid")) found++;
		assertEquals(1, found, "registered once in META-INF/services");
		final BenchmarkCase c = new DeidBenchmarks().cases(true).get(0);
		assertEquals(20L * 64 * 64, c.voxels());
		final Path root = (Path) c.setup();
		final DeidRun.Report r = (DeidRun.Report) c.run(root);
		assertEquals(20, r.count(DeidRun.Status.WRITTEN), r.toString());
		try (Stream<Path> s = Files.walk(root.resolve("out"))) {
			final Path first = s.filter(p -> p.toString().endsWith(".dcm")).findFirst().get();
			final String id = DicomParser.read(first).dataset().getString(0x00100020, "");
			assertTrue(id.matches("ANON[0-9A-F]{16}"), id);
		}
	}
}
