package org.medprep.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.medprep.core.Labels;
import org.medprep.core.Volume;
import org.medprep.core.stats.IntensityStatistics;
import org.medprep.testutil.TestVolumes;

class MaskRuleTest {

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
		assertEquals(399, ForegroundMask.otsuThreshold(bimodal().data()), 0);
		// the upper mode: values 550..850, 1000 voxels
		assertEquals(1000, IntensityStatistics.of(bimodal().data(), MaskRule.OTSU.select(bimodal().data())).count());
	}

	@Test
	void otsuOfFloatImagesUses256Bins() {
		final double[] v = TestVolumes.values(bimodal().data());
		assertEquals(400.09765625, ForegroundMask.otsuThreshold(TestVolumes.floats(new long[] { 20, 10, 10 }, v).data()), 1e-9);
	}

	@Test
	void eachRuleSelectsItsVoxels() {
		// 8 voxels: two negative, three zero, three positive
		final Volume<?> v = TestVolumes.shorts(new long[] { 2, 2, 2 }, new double[] { -5, -1, 0, 0, 0, 2, 7, 9 });
		assertEquals(8, IntensityStatistics.of(v.data(), MaskRule.ALL.select(v.data())).count());
		assertEquals(5, IntensityStatistics.of(v.data(), MaskRule.NON_ZERO.select(v.data())).count());
		assertEquals(3, IntensityStatistics.of(v.data(), MaskRule.POSITIVE.select(v.data())).count());
		assertEquals(6, IntensityStatistics.of(v.data(), MaskRule.POSITIVE.select(v.data())).mean(), 0);
	}

	@Test
	void theSpellingsOfEveryEarlierVocabularyAreAccepted() {
		assertEquals(MaskRule.ALL, Labels.parse(MaskRule.class, "All voxels", "mask"));
		assertEquals(MaskRule.NON_ZERO, Labels.parse(MaskRule.class, "Non-zero voxels", "mask"));
		assertEquals(MaskRule.POSITIVE, Labels.parse(MaskRule.class, "voxels > 0", "mask"));
		assertEquals(MaskRule.OTSU, Labels.parse(MaskRule.class, "otsu threshold", "mask"));
		assertEquals("unknown mask 'brain'; choose one of [all voxels, non-zero voxels, voxels > 0, Otsu threshold]",
			org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> Labels.parse(MaskRule.class, "brain", "mask")).getMessage());
	}
}
