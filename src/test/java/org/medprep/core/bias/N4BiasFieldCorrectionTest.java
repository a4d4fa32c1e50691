package org.medprep.core.bias;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.normalize.Metrics;
import org.medprep.core.phantom.BrainPhantom;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

class N4BiasFieldCorrectionTest {

	static final BrainPhantom SMALL = BrainPhantom.standard().withSize(64, 64, 48).withNoise(15).withBias(0.25);

	@Test
	void recoversAKnownSmoothField() {
		final Volume<ShortType> image = SMALL.image();
		final N4BiasFieldCorrection.Result r = N4BiasFieldCorrection.correct(image, null,
			N4BiasFieldCorrection.Options.defaults().withShrinkFactor(2), ProgressListener.NONE);
		final Volume<UnsignedByteType> labels = SMALL.labels();
		final double corr = Metrics.correlation(r.biasField().data(), SMALL.biasField().data(), labels.data());
		final double before = Metrics.coefficientOfVariation(image.data(), labels.data(), BrainPhantom.LABEL_WM);
		final double after = Metrics.coefficientOfVariation(r.corrected().data(), labels.data(), BrainPhantom.LABEL_WM);
		assertTrue(corr > 0.95, "field correlation " + corr);
		assertTrue(after < 0.6 * before, "WM CoV " + before + " -> " + after);
		assertEquals(4, r.iterations().length);
	}

	@Test
	void sameResultOnAnImageShiftedOffTheOriginWithAMask() {
		final BrainPhantom p = SMALL.withSize(32, 32, 24);
		final Volume<ShortType> image = p.image();
		final N4BiasFieldCorrection.Options options = N4BiasFieldCorrection.Options.defaults().withShrinkFactor(2).withIterations(10, 10);
		final N4BiasFieldCorrection.Result a = N4BiasFieldCorrection.correct(image, p.labels().data(), options, ProgressListener.NONE);
		final Volume<ShortType> shifted = Volume.of(Views.translate(image.data(), 4, -2, 9), image.geometry());
		final RandomAccessibleInterval<UnsignedByteType> mask = Views.translate(p.labels().data(), 4, -2, 9);
		final N4BiasFieldCorrection.Result b = N4BiasFieldCorrection.correct(shifted, mask, options, ProgressListener.NONE);
		final float[] fa = toArray(a.biasField().data()), fb = toArray(b.biasField().data());
		for (int i = 0; i < fa.length; i++) assertEquals(fa[i], fb[i], 0);
	}

	private static float[] toArray(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final java.util.List<float[]> planes = org.medprep.core.Planes.map(img, (z, v) -> {
			final float[] f = new float[v.length];
			for (int i = 0; i < v.length; i++) f[i] = (float) v[i];
			return f;
		});
		final float[] out = new float[planes.size() * planes.get(0).length];
		for (int z = 0; z < planes.size(); z++) System.arraycopy(planes.get(z), 0, out, z * planes.get(0).length, planes.get(0).length);
		return out;
	}

	@Test
	void badInput() {
		final Volume<ShortType> image = SMALL.withSize(16, 16, 16).image();
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> N4BiasFieldCorrection.correct(image,
			ArrayImgs.unsignedBytes(16, 16, 16), N4BiasFieldCorrection.Options.defaults(), ProgressListener.NONE));
		assertEquals("the N4 mask holds no voxel > 0 (empty mask)", e.getMessage());
		final Volume<ShortType> constant = Volume.of(ArrayImgs.shorts(16, 16, 16), image.geometry());
		for (final ShortType t : constant.data()) t.set((short) 100);
		e = assertThrows(IllegalArgumentException.class,
			() -> N4BiasFieldCorrection.correct(constant, null, N4BiasFieldCorrection.Options.defaults(), ProgressListener.NONE));
		assertTrue(e.getMessage().startsWith("N4 cannot correct a constant image"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> N4BiasFieldCorrection.Options.defaults().withControlPoints(3));
		assertEquals("a cubic B-spline needs at least 4 control points per axis, got 3", e.getMessage());
	}

	@Test
	void latticeRefinementKeepsTheSpline() {
		final CubicBSplineLattice l = new CubicBSplineLattice(new int[] { 20, 15, 9 }, new int[] { 2, 1, 3 });
		final java.util.SplittableRandom r = new java.util.SplittableRandom(1);
		for (int i = 0; i < l.c.length; i++) l.c[i] = r.nextDouble();
		final CubicBSplineLattice fine = l.refine();
		for (final double[] p : new double[][] { { 0, 0, 0 }, { 19, 14, 8 }, { 3.3, 7.1, 2.2 }, { 10, 0, 8 } })
			assertEquals(l.evaluate(p[0], p[1], p[2]), fine.evaluate(p[0], p[1], p[2]), 1e-12);
	}
}
