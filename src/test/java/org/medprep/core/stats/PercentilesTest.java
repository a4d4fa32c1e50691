package org.medprep.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.testutil.Json;
import org.medprep.testutil.TestVolumes;

import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;

/** Percentiles against numpy's (fixtures made by make_percentile_fixtures.py). */
class PercentilesTest {

	private static final Map<String, Object> FIX = Json.resource(PercentilesTest.class, "percentiles.json");
	private static final long[] SHAPE = { 20, 16, 10 };
	private static final double[] PERCENTS = Json.doubles(FIX.get("percents"));

	private static Volume<? extends RealType<?>> ct() {
		return TestVolumes.shorts(SHAPE, Json.doubles(FIX.get("ct")));
	}

	private static Volume<? extends RealType<?>> mr() {
		return TestVolumes.floats(SHAPE, Json.doubles(FIX.get("mr")));
	}

	private static VoxelSelection mask() {
		return VoxelSelection.mask(TestVolumes.floats(SHAPE, Json.doubles(FIX.get("mask"))).data());
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 3 })
	void integerDataMatchNumpyThroughTheHistogram(final int threads) {
		Parallelization.runWithNumThreads(threads, () -> {
			assertArrayEquals(Json.doubles(FIX.get("ct_all")), Percentiles.of(ct().data(), VoxelSelection.all(), PERCENTS), 1e-9);
			assertArrayEquals(Json.doubles(FIX.get("ct_nonzero")), Percentiles.of(ct().data(), VoxelSelection.nonZero(), PERCENTS), 1e-9);
			assertArrayEquals(Json.doubles(FIX.get("ct_mask")), Percentiles.of(ct().data(), mask(), PERCENTS), 1e-9);
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 3 })
	void floatDataMatchNumpyThroughSelection(final int threads) {
		Parallelization.runWithNumThreads(threads, () -> {
			assertArrayEquals(Json.doubles(FIX.get("mr_all")), Percentiles.of(mr().data(), VoxelSelection.all(), PERCENTS), 1e-3);
			assertArrayEquals(Json.doubles(FIX.get("mr_nonzero")), Percentiles.of(mr().data(), VoxelSelection.nonZero(), PERCENTS), 1e-3);
			assertArrayEquals(Json.doubles(FIX.get("mr_mask")), Percentiles.of(mr().data(), mask(), PERCENTS), 1e-3);
		});
	}

	@Test
	void smallCaseByHand() {
		// sorted: 1 2 3 4 ; p25 -> index 0.75 -> 1.75 ; p50 -> 2.5 ; p90 -> index 2.7 -> 3.7
		final Volume<?> v = TestVolumes.shorts(new long[] { 2, 2, 1 }, new double[] { 4, 1, 3, 2 });
		assertArrayEquals(new double[] { 1, 1.75, 2.5, 3.7, 4 }, Percentiles.of(v.data(), VoxelSelection.all(), 0, 25, 50, 90, 100), 1e-12);
		final Volume<?> f = TestVolumes.floats(new long[] { 2, 2, 1 }, new double[] { 4, 1, 3, 2 });
		assertArrayEquals(new double[] { 1, 1.75, 2.5, 3.7, 4 }, Percentiles.of(f.data(), VoxelSelection.all(), 0, 25, 50, 90, 100), 1e-12);
	}

	@Test
	void numpyLerpIsEvaluatedFromTheNearerEnd() {
		assertEquals(1.75, Percentiles.lerp(1, 2, 0.75), 0);
		assertEquals(1.25, Percentiles.lerp(1, 2, 0.25), 0);
	}

	@Test
	void rejectsPercentilesOutsideRangeAndEmptySelections() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Percentiles.of(ct().data(), VoxelSelection.all(), 101)).getMessage()
			.contains("[0, 100]"));
		assertThrows(IllegalArgumentException.class, () -> Percentiles.of(ct().data(), VoxelSelection.all(), -0.1));
		final Volume<?> zeros = TestVolumes.floats(new long[] { 2, 2, 2 }, new double[8]);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Percentiles.of(zeros.data(), VoxelSelection.nonZero(), 50)).getMessage()
			.contains("no voxels selected"));
		final Volume<?> shortZeros = TestVolumes.shorts(new long[] { 2, 2, 2 }, new double[8]);
		assertThrows(IllegalArgumentException.class, () -> Percentiles.of(shortZeros.data(), VoxelSelection.mask(zeros.data()), 50));
	}
}
