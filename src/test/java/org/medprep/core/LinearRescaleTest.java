package org.medprep.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.core.stats.Percentiles;
import org.medprep.testutil.TestVolumes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.IntType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;

class LinearRescaleTest {

	private static final double[] STORED = { 0, 1, 2, 3, 1000, 2000, 3024, 4095 };

	@Test
	void integralRescaleStaysIntegerAndPlanesSeeTheValues() {
		final RandomAccessibleInterval<? extends RealType<?>> hu = LinearRescale.view(TestVolumes.shorts(new long[] { 4, 2, 1 }, STORED).data(), 1, -1024);
		assertTrue(Util.getTypeFromInterval(hu) instanceof IntType);
		final double[] expected = { -1024, -1023, -1022, -1021, -24, 976, 2000, 3071 };
		assertArrayEquals(expected, TestVolumes.values(hu), 0);
		final List<double[]> planes = Planes.map(hu, (z, v) -> v.clone());
		assertArrayEquals(expected, planes.get(0), 0);
		assertArrayEquals(new double[] { -1024, 3071 }, Percentiles.of(hu, VoxelSelection.all(), 0, 100), 0);
	}

	@Test
	void fractionalSlopeGivesFloatValues() {
		final RandomAccessibleInterval<? extends RealType<?>> v = LinearRescale.view(TestVolumes.shorts(new long[] { 4, 2, 1 }, STORED).data(), 0.5, 10.25);
		assertTrue(Util.getTypeFromInterval(v) instanceof FloatType);
		final double[] expected = new double[STORED.length];
		for (int i = 0; i < STORED.length; i++) expected[i] = 10.25 + 0.5 * STORED[i];
		assertArrayEquals(expected, TestVolumes.values(v), 0);
		assertArrayEquals(expected, Planes.map(v, (z, p) -> p.clone()).get(0), 0);
	}

	@Test
	void rejectsZeroAndNaNSlopes() {
		final RandomAccessibleInterval<? extends RealType<?>> d = TestVolumes.shorts(new long[] { 4, 2, 1 }, STORED).data();
		assertThrows(IllegalArgumentException.class, () -> LinearRescale.view(TestVolumes.shorts(new long[] { 4, 2, 1 }, STORED).data(), 0, 1));
		assertThrows(IllegalArgumentException.class, () -> LinearRescale.view(TestVolumes.shorts(new long[] { 4, 2, 1 }, STORED).data(), Double.NaN, 1));
		assertTrue(LinearRescale.of(d).isEmpty());
	}
}
