package org.medprep.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.testutil.TestVolumes;

import net.imglib2.parallel.Parallelization;

class IntensityStatisticsTest {

	@Test
	void meanAndPopulationStdOfTheSelection() {
		final Volume<?> v = TestVolumes.floats(new long[] { 3, 2, 2 }, new double[] { 0, 2, 4, 4, 4, 5, 0, 5, 7, 9, 0, 0 });
		final IntensityStatistics all = IntensityStatistics.of(v.data(), VoxelSelection.all());
		assertEquals(12, all.count());
		assertEquals(40 / 12.0, all.mean(), 1e-12);
		assertEquals(0, all.min(), 0);
		assertEquals(9, all.max(), 0);
		// non-zero: 2 4 4 4 5 5 7 9 -> mean 5, population std 2
		final IntensityStatistics nz = IntensityStatistics.of(v.data(), VoxelSelection.nonZero());
		assertEquals(8, nz.count());
		assertEquals(5, nz.mean(), 1e-12);
		assertEquals(2, nz.std(), 1e-12);
	}

	@Test
	void sameBitsWhateverTheThreadCount() {
		final double[] values = new double[40 * 30 * 17];
		for (int i = 0; i < values.length; i++) values[i] = Math.sin(i * 0.37) * 1000 + i % 13;
		final Volume<?> v = TestVolumes.floats(new long[] { 40, 30, 17 }, values);
		final IntensityStatistics one = Parallelization.runWithNumThreads(1, () -> IntensityStatistics.of(v.data(), VoxelSelection.all()));
		final IntensityStatistics four = Parallelization.runWithNumThreads(4, () -> IntensityStatistics.of(v.data(), VoxelSelection.all()));
		assertEquals(Double.doubleToLongBits(one.mean()), Double.doubleToLongBits(four.mean()));
		assertEquals(Double.doubleToLongBits(one.std()), Double.doubleToLongBits(four.std()));
	}

	@Test
	void emptyMaskIsAnError() {
		final Volume<?> v = TestVolumes.floats(new long[] { 2, 1, 1 }, new double[] { 1, 2 });
		final Volume<?> empty = TestVolumes.floats(new long[] { 2, 1, 1 }, new double[] { 0, 0 });
		assertEquals("no voxels selected: the mask is empty",
			assertThrows(IllegalArgumentException.class, () -> IntensityStatistics.of(v.data(), VoxelSelection.mask(empty.data()))).getMessage());
	}
}
