package org.medprep.core.intensity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.normalize.MinMaxNormalization;
import org.medprep.core.normalize.ZScoreNormalization;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Util;

/** Known answers for the CT intensity operations, on translated int16 volumes. */
class IntensityOperationsTest {

	private static final long[] DIMS = { 3, 2, 1 };
	private static final double[] HU = { -2000, -1000, -160, 40, 240, 3000 };

	private static Volume<?> ct() {
		return TestVolumes.shorts(DIMS, HU);
	}

	@Test
	void windowToUnitRange() {
		// W400 L40: [-160, 240]
		final Volume<? extends RealType<?>> out = new HuWindow(40, 400).apply(ct(), WindowOutput.FLOAT_UNIT);
		assertArrayEquals(new double[] { 0, 0, 0, 0.5, 1, 1 }, TestVolumes.values(out.data()), 1e-7);
		assertEquals(ct().geometry(), out.geometry());
	}

	@Test
	void windowToBytesAndClippedHu() {
		final Volume<? extends RealType<?>> bytes = new HuWindow(40, 400).apply(ct(), WindowOutput.BYTE);
		assertTrue(Util.getTypeFromInterval(bytes.data()) instanceof UnsignedByteType);
		assertArrayEquals(new double[] { 0, 0, 0, 128, 255, 255 }, TestVolumes.values(bytes.data()), 0);
		final Volume<? extends RealType<?>> hu = HuWindow.of(WindowPreset.LUNG).apply(ct(), WindowOutput.HU_CLIPPED);
		// lung W1500 L-600: [-1350, 150]
		assertArrayEquals(new double[] { -1350, -1000, -160, 40, 150, 150 }, TestVolumes.values(hu.data()), 0);
	}

	@Test
	void presetsAreTheStandardWindows() {
		assertEquals(-1000, HuWindow.of(WindowPreset.TUTORIAL).lower(), 0);
		assertEquals(400, HuWindow.of(WindowPreset.TUTORIAL).upper(), 0);
		assertEquals(75 - 107.5, HuWindow.of(WindowPreset.SUBDURAL).lower(), 1e-12);
		assertEquals(400 + 900, HuWindow.of(WindowPreset.BONE).upper(), 0);
		assertEquals(WindowPreset.BRAIN, WindowPreset.fromLabel("brain (W80 L40)"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> WindowPreset.fromLabel("kidney")).getMessage().contains("choose one of"));
	}

	@Test
	void windowRejectsNonPositiveWidth() {
		assertEquals("window width must be > 0, got 0.0", assertThrows(IllegalArgumentException.class, () -> new HuWindow(40, 0)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> new HuWindow(40, -5));
		assertThrows(IllegalArgumentException.class, () -> new HuWindow(Double.NaN, 5));
	}

	@Test
	void clip() {
		final Volume<?> out = new IntensityClip(-1000, 400).apply(ct());
		assertArrayEquals(new double[] { -1000, -1000, -160, 40, 240, 400 }, TestVolumes.values(out.data()), 0);
		assertThrows(IllegalArgumentException.class, () -> new IntensityClip(5, 1));
	}

	@Test
	void percentileClipUsesNumpyPercentilesOfTheSelection() {
		// non-zero of HU (all are): sorted -2000 -1000 -160 40 240 3000 ; p20 -> index 1.0 -> -1000 ; p90 -> index 4.5 -> 1620
		final Volume<?> out = new PercentileClip(20, 90).apply(ct(), VoxelSelection.nonZero());
		assertArrayEquals(new double[] { -1000, -1000, -160, 40, 240, 1620 }, TestVolumes.values(out.data()), 1e-9);
		assertThrows(IllegalArgumentException.class, () -> new PercentileClip(50, 50));
		assertThrows(IllegalArgumentException.class, () -> new PercentileClip(-1, 50));
		assertThrows(IllegalArgumentException.class, () -> new PercentileClip(1, 100.5));
	}

	@Test
	void zScoreWithMaskStatisticsAppliedEverywhere() {
		final Volume<?> v = TestVolumes.floats(DIMS, new double[] { 0, 1, 3, 0, 0, 10 });
		final Volume<?> mask = TestVolumes.floats(DIMS, new double[] { 0, 1, 1, 0, 0, 0 });
		// mask mean 2, std 1
		final Volume<?> out = ZScoreNormalization.apply(v, VoxelSelection.mask(mask.data()));
		assertArrayEquals(new double[] { -2, -1, 1, -2, -2, 8 }, TestVolumes.values(out.data()), 1e-6);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ZScoreNormalization.apply(TestVolumes.floats(DIMS, new double[] { 3, 3, 3, 3, 3, 3 }),
			VoxelSelection.all())).getMessage().contains("constant"));
	}

	@Test
	void minMaxOntoTheRequestedRange() {
		final Volume<?> out = new MinMaxNormalization(-1, 1).apply(ct());
		final double span = 5000;
		final double[] expected = new double[HU.length];
		for (int i = 0; i < HU.length; i++) expected[i] = -1 + 2 * (HU[i] + 2000) / span;
		assertArrayEquals(expected, TestVolumes.values(out.data()), 1e-6);
		assertThrows(IllegalArgumentException.class, () -> new MinMaxNormalization(1, 1));
		assertThrows(IllegalArgumentException.class, () -> new MinMaxNormalization(0, 1).apply(TestVolumes.floats(DIMS, new double[6])));
	}

	@Test
	void paddingBecomesAir() {
		final Volume<?> out = new PaddingReplacement(-2000, -1000).apply(ct());
		assertArrayEquals(new double[] { -1000, -1000, -160, 40, 240, 3000 }, TestVolumes.values(out.data()), 0);
	}
}
