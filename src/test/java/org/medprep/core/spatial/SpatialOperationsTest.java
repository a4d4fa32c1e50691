package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.view.Views;

class SpatialOperationsTest {

	private static final CtPhantom PHANTOM = new CtPhantom(24, 20, 12, new double[] { 1.5, 1.2, 3.0 }, 5, 7);

	/** The phantom shifted off the origin (min 5, -3, 2), so code assuming a zero min fails. */
	private static Volume<ShortType> ct() {
		final Volume<ShortType> v = PHANTOM.image();
		return Volume.of(Views.translate(v.data(), 5, -3, 2), v.geometry(), v.metadata());
	}

	private static float[] values(final Volume<? extends RealType<?>> v) {
		return FloatVolumes.read(v.data());
	}

	@Test
	void flipTwiceIsIdentity() {
		final Volume<ShortType> ct = ct();
		final Flip flip = new Flip(true, false, true);
		final Volume<? extends RealType<?>> once = flip.apply(ct, Sampling.linear());
		assertEquals(values(ct)[0], values(once)[23 + 24 * 20 * 11]);
		final Volume<? extends RealType<?>> twice = flip.apply(once, Sampling.linear());
		assertArrayEquals(values(ct), values(twice));
		assertEquals(ct.geometry(), twice.geometry());
	}

	@Test
	void neutralOperationsAreExactCopies() {
		final Volume<ShortType> ct = ct();
		final float[] expected = values(ct);
		for (final Interpolation i : new Interpolation[] { Interpolation.NEAREST, Interpolation.LINEAR, Interpolation.CUBIC }) {
			final Sampling s = Sampling.of(i, BoundaryMode.CONSTANT, 0);
			// the cubic spline interpolates its samples: exact up to float rounding of the coefficients
			final double tolerance = i == Interpolation.CUBIC ? 1e-2 : 0;
			assertArrayEquals(expected, values(new Rotate(0, 0, 0).apply(ct, s)), (float) tolerance, "rotate 0, " + i);
			assertArrayEquals(expected, values(new Zoom(new double[] { 1, 1, 1 }).apply(ct, s)), (float) tolerance, "zoom 1, " + i);
			final Volume<? extends RealType<?>> same = new ResampleToSpacing(ct.geometry().spacing(), true).apply(ct, s);
			assertEquals(ct.geometry(), same.geometry());
			assertArrayEquals(expected, values(same), (float) tolerance, "resample to same spacing, " + i);
		}
	}

	@Test
	void resampleToSpacingKeepsThePhysicalBox() {
		final Volume<ShortType> ct = ct();
		final ResampleToSpacing op = new ResampleToSpacing(new double[] { 1, 1, 1 }, true);
		final Volume<? extends RealType<?>> out = op.apply(ct, Sampling.linear());
		assertArrayEquals(new long[] { 36, 24, 36 }, out.dimensions());
		assertArrayEquals(new double[] { 1, 1, 1 }, out.geometry().spacing(), 0);
		// the outer corner of voxel 0 stays put
		assertArrayEquals(ct.geometry().indexToPhysical(new double[] { -0.5, -0.5, -0.5 }),
			out.geometry().indexToPhysical(new double[] { -0.5, -0.5, -0.5 }), 1e-9);
		// and so does the opposite corner when the extent divides evenly
		assertArrayEquals(ct.geometry().indexToPhysical(new double[] { 23.5, 19.5, 11.5 }),
			out.geometry().indexToPhysical(new double[] { 35.5, 23.5, 35.5 }), 1e-9);
		assertEquals(ct.metadata(), out.metadata());
	}

	@Test
	void boxBoundaryKeepsTheOuterHalfVoxelsWhereScipyConstantFills() {
		final Volume<ShortType> ct = ct();
		final ResampleToSpacing finer = new ResampleToSpacing(new double[] { 0.75, 0.6, 1.5 }, false);
		final float[] in = values(ct);
		// output voxel 0 lies a quarter voxel before input voxel 0 on every axis
		assertEquals(in[0], values(finer.apply(ct, Sampling.labels()))[0], 0);
		assertEquals(-5, values(finer.apply(ct, Sampling.of(Interpolation.NEAREST, BoundaryMode.CONSTANT, -5)))[0], 0);
		// beyond the box the fill value still applies
		assertEquals(-5, values(new Shift(new double[] { 3, 0, 0 }).apply(ct, Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, -5)))[0], 0);
	}

	@Test
	void downsamplingIsSmoothedWithTheSkimageSigma() {
		final ResampleToSpacing op = new ResampleToSpacing(new double[] { 4.5, 1.2, 3.0 }, true);
		assertArrayEquals(new double[] { 1, 0, 0 }, op.antiAliasSigma(Grid.of(ct())), 1e-12);
		assertArrayEquals(new double[] { 0, 0, 0 }, new ResampleToSpacing(new double[] { 4.5, 1.2, 3.0 }, false).antiAliasSigma(Grid.of(ct())), 0);
	}

	@Test
	void resizeToShapeAlignsTheCornerVoxels() {
		final Volume<ShortType> ct = ct();
		final Volume<? extends RealType<?>> out = new ResizeToShape(new long[] { 47, 10, 12 }).apply(ct, Sampling.linear());
		assertArrayEquals(ct.geometry().indexToPhysical(new double[] { 23, 19, 11 }), out.geometry().indexToPhysical(new double[] { 46, 9, 11 }), 1e-9);
		assertArrayEquals(ct.geometry().origin(), out.geometry().origin(), 0);
		assertEquals(values(ct)[0], values(out)[0]);
		assertArrayEquals(new long[] { 36, 10, 6 }, ResizeToShape.byScale(Grid.of(ct), new double[] { 1.5, 0.5, 0.5 }).shape());
	}

	/** scipy.ndimage.zoom's output sizes (Python's round, half to even), as scipy 1.x gives them for these sizes and factors. */
	@Test
	void resizeByScaleRoundsHalfToEvenAsScipyZoom() {
		final long[][] sizeAndExpected = { { 23, 34 }, { 25, 38 }, { 5, 2 }, { 7, 4 }, { 9, 4 } };
		final double[] scale = { 1.5, 1.5, 0.5, 0.5, 0.5 };
		for (int i = 0; i < scale.length; i++) {
			final Grid g = Grid.of(new long[] { sizeAndExpected[i][0], 4, 4 }, Geometry.identity());
			assertEquals(sizeAndExpected[i][1], ResizeToShape.byScale(g, new double[] { scale[i], 1, 1 }).shape()[0], sizeAndExpected[i][0] + " x " + scale[i]);
		}
	}

	@Test
	void cropOrPadIsCentredAndKeepsPhysicalPositions() {
		final Volume<ShortType> ct = ct();
		final CropOrPad op = new CropOrPad(new long[] { 20, 26, 12 });
		final Volume<? extends RealType<?>> out = op.apply(ct, -1024);
		assertTrue(out.data().getType() instanceof ShortType, "crop/pad keeps the type");
		// x cropped by 2 at the start, y padded by 3 at the start
		final float[] in = values(ct), o = values(out);
		assertEquals(in[2 + 24 * 0], o[20 * 3], 0);
		assertEquals(-1024, o[0], 0);
		assertArrayEquals(ct.geometry().indexToPhysical(new double[] { 2, 0, 0 }), out.geometry().indexToPhysical(new double[] { 0, 3, 0 }), 1e-9);
		// padding back to the original shape restores the cropped region and pads the rest
		final Volume<? extends RealType<?>> back = new CropOrPad(new long[] { 24, 20, 12 }).apply(out, 0);
		assertArrayEquals(ct.geometry().origin(), back.geometry().origin(), 1e-9);
	}

	@Test
	void cropRangeKeepsTheTutorialsSlices() {
		final Volume<ShortType> ct = ct();
		final Volume<? extends RealType<?>> out = new CropRange(2, 20, 80).apply(ct);
		// int(0.2 * 12) = 2 to int(0.8 * 12) = 9
		assertArrayEquals(new long[] { 24, 20, 7 }, out.dimensions());
		assertArrayEquals(ct.geometry().indexToPhysical(new double[] { 0, 0, 2 }), out.geometry().origin(), 1e-9);
		final float[] in = values(ct), o = values(out);
		assertEquals(in[24 * 20 * 2 + 77], o[77], 0);
	}

	@Test
	void cropToForegroundUsesTheLabelBoxAndMargin() {
		final Volume<UnsignedByteType> labels = PHANTOM.labels();
		final float[] lab = values(labels);
		final int[] min = { 99, 99, 99 }, max = { -1, -1, -1 };
		for (int z = 0, i = 0; z < 12; z++)
			for (int y = 0; y < 20; y++)
				for (int x = 0; x < 24; x++, i++)
					if (lab[i] == CtPhantom.LABEL_LUNG) {
						final int[] p = { x, y, z };
						for (int d = 0; d < 3; d++) {
							min[d] = Math.min(min[d], p[d]);
							max[d] = Math.max(max[d], p[d]);
						}
					}
		final SpatialPlan plan = new CropToForeground(CropToForeground.Criterion.LABEL_EQUALS, CtPhantom.LABEL_LUNG, 3.0).plan(labels);
		// margin 3 mm = 2 voxels at 1.5 mm, 3 at 1.2 mm (ceil of 2.5), 1 at 3 mm; clamped to the image
		final long[] expectedStart = { Math.max(0, min[0] - 2), Math.max(0, min[1] - 3), Math.max(0, min[2] - 1) };
		final long[] expectedEnd = { Math.min(23, max[0] + 2), Math.min(19, max[1] + 3), Math.min(11, max[2] + 1) };
		for (int d = 0; d < 3; d++) assertEquals(expectedEnd[d] - expectedStart[d] + 1, plan.target().size(d));
		assertArrayEquals(labels.geometry().indexToPhysical(new double[] { expectedStart[0], expectedStart[1], expectedStart[2] }),
			plan.target().geometry().origin(), 1e-9);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> new CropToForeground(CropToForeground.Criterion.LABEL_EQUALS, 9, 0).plan(labels));
		assertTrue(e.getMessage().contains("no foreground voxel"), e.getMessage());
	}

	@Test
	void composedPlansResampleOnceAndInvert() {
		final Volume<ShortType> ct = ct();
		final Grid grid = Grid.of(ct);
		// flip x, shift by whole voxels, crop/pad: all exact, so the inverse restores the overlapping voxels exactly
		final SpatialPlan plan = new Flip(true, false, false).plan(grid)
			.then(Shift.voxels(grid, new double[] { 2, 0, -1 }).plan(grid));
		final SpatialPlan crop = new CropOrPad(new long[] { 20, 22, 12 }).plan(plan.target());
		final SpatialPlan chain = plan.then(crop);
		final Volume<? extends RealType<?>> forward = chain.apply(ct, Sampling.labels());
		final Volume<? extends RealType<?>> back = chain.inverse().apply(forward, Sampling.labels());
		assertEquals(ct.geometry(), back.geometry());
		final float[] in = values(ct), b = values(back);
		int restored = 0;
		for (int i = 0; i < in.length; i++) {
			if (b[i] == 0) continue; // lost by the shift and crop
			assertEquals(in[i], b[i], 0, "voxel " + i);
			restored++;
		}
		assertTrue(restored > in.length / 2, "restored " + restored);
	}

	@Test
	void anisotropicOptionInterpolatesTheCoarseAxisSeparately() {
		final Volume<ShortType> ct = ct();
		final ResizeToShape op = new ResizeToShape(new long[] { 30, 25, 23 });
		final Sampling cubic = Sampling.of(Interpolation.CUBIC, BoundaryMode.NEAREST, 0);
		final float[] full = values(op.apply(ct, cubic));
		final float[] coarse = values(op.apply(ct, cubic.withCoarseAxis(2, Interpolation.NEAREST)));
		final int plane = 30 * 25;
		// even output planes fall on input slices, where the cubic spline interpolates: both agree
		for (int z = 0; z < 23; z += 2)
			for (int i = 0; i < plane; i++) assertEquals(full[z * plane + i], coarse[z * plane + i], 0.05, "plane " + z);
		// odd planes copy a neighbouring plane (nearest along z) instead of blending
		for (int z = 1; z < 23; z += 2) {
			boolean same = true;
			for (int i = 0; i < plane && same; i++) same = coarse[z * plane + i] == coarse[(z + 1) * plane + i] || coarse[z * plane + i] == coarse[(z - 1) * plane + i];
			assertTrue(same, "plane " + z + " copies a neighbour");
		}
	}

	@Test
	void badInputHasClearMessages() {
		assertMessage("target spacing along y must be positive", () -> new ResampleToSpacing(new double[] { 1, 0, 1 }, true));
		assertMessage("target spacing along z must be positive", () -> new ResampleToSpacing(new double[] { 1, 1, -2 }, true));
		assertMessage("scale along x must be positive", () -> ResizeToShape.byScale(Grid.of(ct()), new double[] { -1, 1, 1 }));
		assertMessage("zoom factor along z must be positive", () -> new Zoom(new double[] { 1, 1, 0 }));
		assertMessage("shape along y must be >= 1", () -> new CropOrPad(new long[] { 3, 0, 3 }));
		assertMessage("0 <= from < to <= 100", () -> new CropRange(2, 80, 20));
		assertMessage("Gaussian sigma must be > 0", () -> GaussianSmoothing.smoothLine(new double[5], 0));
		assertMessage("must be positive and finite", () -> Geometry.of(new double[] { 1, 0, 1 }, new double[3]));
		assertMessage("not on the plan's source grid", () -> SpatialPlan.identity(Grid.of(new long[] { 2, 2, 2 }, Geometry.identity())).apply(ct(), Sampling.linear()));
		assertMessage("unknown interpolation 'quintic'", () -> Interpolation.fromLabel("quintic"));
	}

	static void assertMessage(final String expected, final org.junit.jupiter.api.function.Executable e) {
		final IllegalArgumentException x = assertThrows(IllegalArgumentException.class, e);
		assertTrue(x.getMessage().contains(expected), "message '" + x.getMessage() + "' should contain '" + expected + "'");
	}
}
