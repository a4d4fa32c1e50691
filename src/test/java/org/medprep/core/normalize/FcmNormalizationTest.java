package org.medprep.core.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.core.segment.MaskRule;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

class FcmNormalizationTest {

	private static final BrainPhantom PHANTOM = BrainPhantom.standard().withSize(64, 64, 48).withBias(0).withNoise(20);

	@Test
	void whiteMatterMeanEqualsTheTargetWithinOnePercent() {
		final Volume<ShortType> t1 = PHANTOM.image();
		final Volume<UnsignedByteType> labels = PHANTOM.labels();
		for (final TissueMeanMode mode : TissueMeanMode.values()) {
			final Volume<FloatType> out = FcmNormalization.normalize(t1, MaskRule.POSITIVE.select(t1.data()), TissueType.WM, mode,
				FcmNormalization.DEFAULT_THRESHOLD, 2.5, 7);
			final double wm = Metrics.meanStd(out.data(), labels.data(), BrainPhantom.LABEL_WM)[0];
			assertEquals(2.5, wm, 0.025, mode.label());
		}
	}

	@Test
	void centresAreTheTissueMeansInOrderAndTheChosenTissueIsNormalized() {
		final Volume<ShortType> t1 = PHANTOM.image();
		final Volume<UnsignedByteType> labels = PHANTOM.labels();
		final TissueMembership gm = FcmNormalization.membership(t1.data(), VoxelSelection.nonZero(), TissueType.GM, 1);
		final double[] c = gm.centres();
		assertEquals(BrainPhantom.CSF, c[0], 15);
		assertEquals(BrainPhantom.GM, c[1], 10);
		assertEquals(BrainPhantom.WM, c[2], 10);
		final Volume<FloatType> out = FcmNormalization.normalize(t1, gm, TissueMeanMode.MEMBERSHIP_WEIGHTED, 0.8, 1);
		// the normalized image's membership-weighted GM mean is the target, exactly up to float rounding
		assertEquals(1, FcmNormalization.tissueMean(out.data(), gm, TissueMeanMode.MEMBERSHIP_WEIGHTED, 0.8), 1e-6);
		assertEquals(1, Metrics.meanStd(out.data(), labels.data(), BrainPhantom.LABEL_GM)[0], 0.02);
	}

	@Test
	void matchesIntensityNormalizationWithScikitFuzzysAlgorithm() throws Exception {
		final java.util.Map<String, double[]> f = Fixtures.read("fcm_reference.txt");
		final double[] v = f.get("image");
		final short[] s = new short[v.length];
		for (int i = 0; i < v.length; i++) s[i] = (short) v[i];
		final RandomAccessibleInterval<ShortType> image = ArrayImgs.shorts(s, 16, 16, 12);
		final TissueMembership wm = FcmNormalization.membership(image, MaskRule.POSITIVE.select(image), TissueType.WM, 0);
		// the random starts differ (numpy's vs ours), the converged centres agree closely
		assertArrayEquals(f.get("centres"), wm.centres(), 0.05);
		assertEquals(f.get("wm_mean")[0], FcmNormalization.tissueMean(image, wm, TissueMeanMode.MEMBERSHIP_WEIGHTED, 0.8), 0.01);
		assertEquals(f.get("wm_mean_threshold")[0], FcmNormalization.tissueMean(image, wm, TissueMeanMode.THRESHOLD, 0.8), 0.01);
	}

	@Test
	void histogramAndValuePathsAgree() {
		final Volume<ShortType> t1 = PHANTOM.withSize(40, 40, 24).image();
		final RandomAccessibleInterval<FloatType> asFloat = org.medprep.core.Planes.toFloat(t1.data(), (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (float) in[i];
		});
		final double[] a = FcmNormalization.membership(t1.data(), VoxelSelection.nonZero(), TissueType.WM, 3).centres();
		final double[] b = FcmNormalization.membership(asFloat, VoxelSelection.nonZero(), TissueType.WM, 3).centres();
		assertArrayEquals(a, b, 0.01); // the random starts differ, so the last step may too
	}

	@Test
	void aT1MembershipNormalizesAnotherContrastOfTheSameSubject() {
		final Volume<ShortType> t1 = PHANTOM.image();
		// a FLAIR-like contrast of the same anatomy: WM darker than GM, CSF dark
		final Volume<ShortType> flair = PHANTOM.withMeans(150, 700, 500).withSeed(99).image();
		final TissueMembership wm = FcmNormalization.membership(t1.data(), MaskRule.POSITIVE.select(t1.data()), TissueType.WM, 5);
		final Volume<FloatType> out = FcmNormalization.normalize(flair, wm, TissueMeanMode.THRESHOLD, 0.8, 1);
		assertEquals(1, Metrics.meanStd(out.data(), PHANTOM.labels().data(), BrainPhantom.LABEL_WM)[0], 0.01);
	}

	@Test
	void worksOnAnImageShiftedOffTheOrigin() {
		final Volume<ShortType> t1 = PHANTOM.withSize(32, 32, 24).image();
		final RandomAccessibleInterval<ShortType> shifted = Views.translate(t1.data(), 5, -3, 7);
		final double[] a = FcmNormalization.membership(t1.data(), VoxelSelection.nonZero(), TissueType.WM, 3).centres();
		final double[] b = FcmNormalization.membership(shifted, VoxelSelection.nonZero(), TissueType.WM, 3).centres();
		assertArrayEquals(a, b, 0);
	}

	@Test
	void badInput() {
		final Volume<ShortType> t1 = PHANTOM.withSize(16, 16, 16).image();
		final RandomAccessibleInterval<UnsignedByteType> empty = ArrayImgs.unsignedBytes(16, 16, 16);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> FcmNormalization.membership(t1.data(), MaskRule.within(t1.data(), empty), TissueType.WM, 1));
		assertTrue(e.getMessage().contains("no voxels selected"), e.getMessage());

		final Volume<ShortType> constant = Volume.of(ArrayImgs.shorts(new short[16 * 16 * 16], 16, 16, 16), Geometry.identity());
		for (final net.imglib2.type.numeric.integer.ShortType t : constant.data()) t.set((short) 7);
		e = assertThrows(IllegalArgumentException.class,
			() -> FcmNormalization.membership(constant.data(), VoxelSelection.all(), TissueType.WM, 1));
		assertTrue(e.getMessage().contains("at least 3 distinct intensities") && e.getMessage().contains("found 1"), e.getMessage());

		final short[] two = new short[16 * 16 * 16];
		for (int i = 0; i < two.length; i++) two[i] = (short) (i % 2 == 0 ? 10 : 20);
		e = assertThrows(IllegalArgumentException.class,
			() -> FcmNormalization.membership(ArrayImgs.shorts(two, 16, 16, 16), VoxelSelection.all(), TissueType.WM, 1));
		assertTrue(e.getMessage().contains("found 2"), e.getMessage());

		e = assertThrows(IllegalArgumentException.class, () -> FcmNormalization.normalize(t1, VoxelSelection.nonZero(), TissueType.WM,
			TissueMeanMode.MEMBERSHIP_WEIGHTED, 0.8, 0, 1));
		assertTrue(e.getMessage().contains("target value must be > 0"), e.getMessage());
		assertEquals(TissueType.GM, TissueType.fromLabel("grey matter"));
		e = assertThrows(IllegalArgumentException.class, () -> TissueType.fromLabel("bone"));
		assertTrue(e.getMessage().contains("white matter"), e.getMessage());
	}
}
