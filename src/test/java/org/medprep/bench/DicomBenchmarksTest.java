package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomFolder;

/** Every quick case runs and does its work (no timing here: that is {@code medprep bench}). */
class DicomBenchmarksTest {

	@Test
	void quickCasesRun() throws Exception {
		int found = 0;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class))
			if (s.name().equals("dicom")) found++;
		assertEquals(1, found, "registered once in META-INF/services");
		final DicomBenchmarks suite = new DicomBenchmarks();
		assertEquals(2, suite.cases(true).size());
		final BenchmarkCase scan = suite.cases(true).get(0);
		final DicomFolder.Scan s = (DicomFolder.Scan) scan.run(scan.setup());
		assertEquals(1, s.series().size());
		assertEquals(16, s.series().get(0).frames().size());
		final BenchmarkCase load = suite.cases(true).get(1);
		final Volume<?> v = (Volume<?>) load.run(load.setup());
		assertArrayEquals(new long[] { 64, 64, 16 }, v.dimensions());
		assertEquals(1.25, v.geometry().spacing(2), 1e-9, "positions 1.25 mm apart, files shuffled");
		assertEquals("HU", v.metadata().get(Volume.UNITS));
	}
}
