package org.medprep.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ServiceLoader;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** The quick "labels" cases run and paint what they should (no timing here: that is {@code medprep bench}). */
class LabelMapBenchmarksTest {

	private static int at(final Volume<?> v, final int x, final int y, final int z) {
		@SuppressWarnings("unchecked")
		final RandomAccess<? extends RealType<?>> ra = ((RandomAccessibleInterval<? extends RealType<?>>) (Object) v.data()).randomAccess();
		ra.setPosition(new int[] { x, y, z });
		return (int) ra.get().getRealDouble();
	}

	@Test
	void quickCasesRun() throws Exception {
		int found = 0;
		for (final BenchmarkSuite s : ServiceLoader.load(BenchmarkSuite.class))
			if (s.name().equals("labels")) found++;
		assertEquals(1, found, "registered once in META-INF/services");
		final LabelMapBenchmarks suite = new LabelMapBenchmarks();
		assertEquals(2, suite.cases(true).size());
		final BenchmarkCase rs = suite.cases(true).get(0);
		final Volume<?> rsMap = (Volume<?>) rs.run(rs.setup());
		assertArrayEquals(new long[] { 64, 64, 16 }, rsMap.dimensions());
		assertEquals(64L * 64 * 16, rs.voxels());
		// the centre is inside the holes of ROIs 1 and 2 and inside ROIs 3 and 4: the last one listed (4) wins
		assertEquals(4, at(rsMap, 32, 32, 5));
		assertEquals(0, at(rsMap, 0, 0, 5));
		final BenchmarkCase seg = suite.cases(true).get(1);
		final Volume<?> segMap = (Volume<?>) seg.run(seg.setup());
		assertEquals(3, at(segMap, 32, 32, 7), "the smallest disc, painted last");
		assertEquals(1, at(segMap, 32, 32 + 18, 7), "only in the largest disc (radius 22.4)");
	}
}
