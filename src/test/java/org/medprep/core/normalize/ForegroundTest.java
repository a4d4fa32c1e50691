package org.medprep.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.core.segment.ForegroundMask;
import org.medprep.testutil.TestVolumes;

class ForegroundTest {

	/**
	 * The values of a bimodal int16 image whose Otsu threshold scikit-image 0.19
	 * gives as 399 on the int16 array (one bin per integer) and as 400.0977 on
	 * the same values as float64 (256 bins): {@code threshold_otsu(a)}.
	 */
	private static Volume<?> bimodal() {
		final int n = 2000;
		final double[] v = new double[n];
		for (int i = 0; i < n; i++) v[i] = i < n / 2 ? (i * 37) % 400 : 550 + (i * 11) % 301;
		return TestVolumes.shorts(new long[] { 20, 10, 10 }, v);
	}

	@Test
	void otsuOfIntegerImagesUsesOneBinPerValueAsScikitImage() {
		assertEquals(399, Foreground.otsuThreshold(bimodal().data()), 0);
		assertEquals(ForegroundMask.otsuThreshold(bimodal().data()), Foreground.otsuThreshold(bimodal().data()), 0);
	}

	@Test
	void otsuOfFloatImagesUses256Bins() {
		final Volume<?> shorts = bimodal();
		final double[] v = TestVolumes.values(shorts.data());
		assertEquals(400.09765625, Foreground.otsuThreshold(TestVolumes.floats(new long[] { 20, 10, 10 }, v).data()), 1e-9);
	}
}
