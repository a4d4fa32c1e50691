package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.phantom.CtPhantom;
import org.medprep.testutil.TestVolumes;

import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** Consecutive spatial steps resampled once: known answers, agreement with step-by-step resampling, and the truth it approximates. */
class FusedResamplingTest {

	private static final double A = Math.toRadians(25);
	/** Oblique, anisotropic, off the origin. */
	private static final Geometry GEOMETRY = Geometry.of(new double[] { 1.1, 0.9, 2.3 }, new double[] { -31.5, 12.25, 40 },
		new double[][] { { Math.cos(A), -Math.sin(A), 0 }, { Math.sin(A), Math.cos(A), 0 }, { 0, 0, 1 } });
	private static final long[] SIZE = { 44, 48, 22 };

	/** A smooth function of the physical point (mm), so the truth at any point is known. */
	private static double f(final double[] p) {
		return 100 * Math.sin(2 * Math.PI * p[0] / 37) * Math.cos(2 * Math.PI * p[1] / 41) + 60 * Math.sin(2 * Math.PI * p[2] / 53 + 0.4);
	}

	private static Volume<FloatType> sampled(final Geometry g, final long[] size, final Function<double[], Double> fn) {
		final ArrayImg<FloatType, FloatArray> img = ArrayImgs.floats(size);
		final float[] v = img.update(null).getCurrentStorageArray();
		int i = 0;
		for (int z = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++) v[i++] = (float) (double) fn.apply(g.indexToPhysical(new double[] { x, y, z }));
		return Volume.of(img, g);
	}

	private static Volume<FloatType> smooth() {
		return sampled(GEOMETRY, SIZE, FusedResamplingTest::f);
	}

	private static double[] values(final Volume<? extends RealType<?>> v) {
		return TestVolumes.values(v.data());
	}

	/** Step by step: every step resamples what the one before wrote. */
	private static Volume<? extends RealType<?>> stepByStep(final List<SpatialStep> steps, final Volume<? extends RealType<?>> in) {
		Volume<? extends RealType<?>> v = in;
		for (final FusedResampling g : FusedResampling.groups(steps, false)) v = g.applyToImage(v);
		return v;
	}

	private static Volume<? extends RealType<?>> fused(final List<SpatialStep> steps, final Volume<? extends RealType<?>> in) {
		final List<FusedResampling> groups = FusedResampling.groups(steps, true);
		assertEquals(1, groups.size(), "one resampling");
		return groups.get(0).applyToImage(in);
	}

	private static SpatialStep step(final SpatialPlan plan, final Interpolation i, final BoundaryMode mode, final double fill) {
		return SpatialStep.of(plan, Sampling.of(i, mode, fill), Interpolation.NEAREST);
	}

	@Test
	void twoHalfVoxelShiftsFuseIntoOneExactShift() {
		final Geometry g = Geometry.of(new double[] { 1, 1, 1 }, new double[] { 3, -2, 5 });
		final long[] size = { 12, 5, 4 };
		final Volume<FloatType> in = sampled(g, size, p -> (p[0] - 3) * (p[0] - 3) + 10 * p[1]);
		final Grid grid = Grid.of(in);
		final SpatialStep half = step(new Shift(new double[] { 0.5, 0, 0 }).plan(grid), Interpolation.LINEAR, BoundaryMode.BOX, -1);
		final List<SpatialStep> steps = List.of(half, half);
		final double[] once = values(fused(steps, in)), twice = values(stepByStep(steps, in)), input = values(in);
		double blur = 0;
		for (int z = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 1; x < size[0]; x++) {
					final int i = (int) ((z * size[1] + y) * size[0] + x);
					// one shift by a whole voxel copies the neighbour exactly; two half-voxel interpolations blur the parabola by 0.5
					assertEquals(input[i - 1], once[i], 0, "x " + x);
					if (x >= 2) blur = Math.max(blur, Math.abs(twice[i] - input[i - 1]));
				}
		assertEquals(0.5, blur, 1e-4);
	}

	@Test
	void fusedIsCloserToTheTruthThanStepByStepAndAgreesWithItWithinInterpolationError() {
		final Volume<FloatType> in = smooth();
		final List<SpatialStep> steps = new ArrayList<>();
		final Grid g0 = Grid.of(in);
		steps.add(step(new ResampleToSpacing(new double[] { 1.4, 1.2, 1.9 }, false).plan(g0), Interpolation.LINEAR, BoundaryMode.NEAREST, 0));
		final Grid g1 = steps.get(0).plan().target();
		steps.add(step(new Rotate(4, -3, 17).plan(g1), Interpolation.LINEAR, BoundaryMode.BOX, 0));
		steps.add(step(new Zoom(new double[] { 1.15, 0.9, 1.05 }).plan(g1), Interpolation.LINEAR, BoundaryMode.BOX, 0));
		steps.add(step(new CropOrPad(new long[] { 26, 30, 20 }).plan(g1), Interpolation.NEAREST, BoundaryMode.BOX, 0));
		final Volume<? extends RealType<?>> fused = fused(steps, in), stepwise = stepByStep(steps, in);
		assertEquals(Grid.of(stepwise), Grid.of(fused));
		// the truth: the function at the point the composed pull-back reads
		SpatialPlan composed = steps.get(0).plan();
		for (int k = 1; k < steps.size(); k++) composed = composed.then(steps.get(k).plan());
		final Grid target = composed.target();
		final double[] a = values(fused), b = values(stepwise);
		double errFused = 0, errStepwise = 0, diff = 0;
		int compared = 0;
		for (int z = 0; z < target.size(2); z++)
			for (int y = 0; y < target.size(1); y++)
				for (int x = 0; x < target.size(0); x++) {
					final double[] q = composed.pullBack().apply(target.geometry().indexToPhysical(new double[] { x, y, z }));
					final double[] c = GEOMETRY.physicalToIndex(q);
					// well inside the input, so no step read near an edge
					if (c[0] < 3 || c[1] < 3 || c[2] < 3 || c[0] > SIZE[0] - 4 || c[1] > SIZE[1] - 4 || c[2] > SIZE[2] - 4) continue;
					final int i = (int) ((z * target.size(1) + y) * target.size(0) + x);
					final double truth = f(q);
					errFused += Math.abs(a[i] - truth);
					errStepwise += Math.abs(b[i] - truth);
					diff = Math.max(diff, Math.abs(a[i] - b[i]));
					compared++;
				}
		assertTrue(compared > 2000, compared + " voxels compared");
		errFused /= compared;
		errStepwise /= compared;
		// one interpolation instead of three: less error against the truth
		assertTrue(errFused < 0.8 * errStepwise, "mean error fused " + errFused + ", step by step " + errStepwise);
		// and within interpolation error of step by step (the function spans 320)
		assertTrue(diff < 0.03 * 320, "largest difference " + diff);
	}

	@Test
	void whatACropRemovedStaysRemovedWhenARotationFollows() {
		// a constant image: step by step gives exactly the constant or a fill; fused must give the same, not the voxels the crop removed
		final Volume<FloatType> in = sampled(GEOMETRY, SIZE, p -> 100.0);
		final Grid g0 = Grid.of(in);
		final SpatialStep crop = step(new CropOrPad(new long[] { 20, 16, 10 }).plan(g0), Interpolation.NEAREST, BoundaryMode.BOX, -7);
		final Grid g1 = crop.plan().target();
		final SpatialStep rotate = step(new Rotate(0, 0, 35).plan(g1), Interpolation.LINEAR, BoundaryMode.BOX, -5);
		final SpatialStep pad = step(new CropOrPad(new long[] { 26, 20, 12 }).plan(g1), Interpolation.NEAREST, BoundaryMode.BOX, -3);
		final List<SpatialStep> steps = List.of(crop, rotate, pad);
		final double[] a = values(fused(steps, in)), b = values(stepByStep(steps, in));
		assertArrayEquals(b, a, 0);
		final Set<Double> seen = new TreeSet<>();
		for (final double v : a) seen.add(v);
		assertEquals(Set.of(-5.0, -3.0, 100.0), seen);
	}

	@Test
	void labelMapsNeverTakeTheImagesInterpolation() {
		final CtPhantom phantom = new CtPhantom(30, 28, 12, new double[] { 0.8, 0.8, 2 }, 0, 9);
		final Grid g0 = Grid.of(phantom.labels());
		final SpatialStep resample = SpatialStep.of(new ResampleToSpacing(new double[] { 1.1, 1.1, 1.5 }, false).plan(g0),
			Sampling.of(Interpolation.CUBIC, BoundaryMode.NEAREST, 0), Interpolation.NEAREST);
		final SpatialStep rotate = SpatialStep.of(new Rotate(0, 0, 20).plan(resample.plan().target()), Sampling.of(Interpolation.CUBIC, BoundaryMode.BOX, 0),
			Interpolation.NEAREST);
		final FusedResampling group = FusedResampling.groups(List.of(resample, rotate), true).get(0);
		assertEquals(Interpolation.CUBIC, group.imageSampling().interpolation());
		assertEquals(Interpolation.NEAREST, group.labelSampling().interpolation());
		final Volume<? extends RealType<?>> labels = group.applyToLabels(phantom.labels());
		final Set<Double> in = new TreeSet<>(), out = new TreeSet<>();
		for (final double v : values(phantom.labels())) in.add(v);
		for (final double v : values(labels)) out.add(v);
		assertTrue(in.containsAll(out), out + " not within " + in);
		assertEquals(Util.typeName(phantom.labels()), Util.typeName(labels));
		// label mode if any fused step asked for it
		final SpatialStep labelMode = SpatialStep.of(rotate.plan(), rotate.imageSampling(), Interpolation.LABEL);
		assertEquals(Interpolation.LABEL, FusedResampling.groups(List.of(resample, labelMode), true).get(0).labelSampling().interpolation());
	}

	@Test
	void anElasticFieldAfterARotationIsPushedThroughIt() {
		final Volume<FloatType> in = smooth();
		final Grid g0 = Grid.of(in);
		final SpatialStep rotate = step(new Rotate(0, 0, 30).plan(g0), Interpolation.LINEAR, BoundaryMode.BOX, 0);
		// displacements of several mm, so pushing them through the rotation (or not) matters
		final DisplacementField field = ControlGridDisplacementField.random(g0, new int[] { 6, 6, 5 }, 8, 1, new java.util.SplittableRandom(77));
		final SpatialStep elastic = SpatialStep.of(SpatialPlan.identity(g0), field, Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, 0), Interpolation.NEAREST);
		final List<SpatialStep> steps = List.of(rotate, elastic);
		final double[] a = values(fused(steps, in)), b = values(stepByStep(steps, in));
		double diff = 0;
		int compared = 0;
		final double[] dx = new double[(int) SIZE[0]], dy = dx.clone(), dz = dx.clone();
		for (int z = 3; z < SIZE[2] - 3; z++)
			for (int y = 0; y < SIZE[1]; y++) {
				field.row(y, z, dx, dy, dz);
				for (int x = 0; x < SIZE[0]; x++) {
					final double[] p = GEOMETRY.indexToPhysical(new double[] { x, y, z });
					final double[] moved = { p[0] + dx[x], p[1] + dy[x], p[2] + dz[x] };
					final double[] m = GEOMETRY.physicalToIndex(moved);
					// where the deformation reads outside the rotated grid, both give the fill
					if (m[0] < 1 || m[1] < 1 || m[2] < 1 || m[0] > SIZE[0] - 2 || m[1] > SIZE[1] - 2 || m[2] > SIZE[2] - 2) continue;
					final double[] q = rotate.plan().pullBack().apply(moved);
					final double[] c = GEOMETRY.physicalToIndex(q);
					if (c[0] < 3 || c[1] < 3 || c[2] < 3 || c[0] > SIZE[0] - 4 || c[1] > SIZE[1] - 4 || c[2] > SIZE[2] - 4) continue;
					final int i = (int) ((z * SIZE[1] + y) * SIZE[0] + x);
					// against the truth T(p + d(p)): pushing the field through the rotation is what makes them agree
					assertEquals(f(q), a[i], 0.03 * 320, "fused at " + Arrays.toString(new int[] { x, y, z }));
					diff = Math.max(diff, Math.abs(a[i] - b[i]));
					compared++;
				}
			}
		assertTrue(compared > 2000, compared + " voxels compared");
		assertTrue(diff < 0.04 * 320, "largest difference to step by step " + diff);
	}

	@Test
	void groupsEndAtFieldsAndCoarseAxesAndStartAtPrefilters() {
		final Grid g = Grid.of(SIZE, GEOMETRY);
		final SpatialStep rotate = step(new Rotate(0, 0, 5).plan(g), Interpolation.LINEAR, BoundaryMode.BOX, 0);
		final SpatialStep smoothed = rotate.withPrefilter(v -> v);
		final SpatialStep elastic = SpatialStep.of(SpatialPlan.identity(g), DenseDisplacementField.random(g, 3, 1, 1), Sampling.linear(), Interpolation.NEAREST);
		final SpatialStep coarse = SpatialStep.of(rotate.plan(), Sampling.linear().withCoarseAxis(2, Interpolation.NEAREST), Interpolation.NEAREST);
		final List<SpatialStep> steps = List.of(rotate, rotate, smoothed, rotate, elastic, rotate, coarse, rotate, rotate);
		final List<Integer> sizes = new ArrayList<>();
		for (final FusedResampling r : FusedResampling.groups(steps, true)) sizes.add(r.steps().size());
		assertEquals(List.of(2, 3, 1, 1, 2), sizes);
		assertEquals(steps.size(), FusedResampling.groups(steps, false).size());
	}

	@Test
	void cropsPadsAndFlipsLandOnVoxelsAndDoNotLowerTheInterpolation() {
		final Grid g = Grid.of(SIZE, GEOMETRY);
		assertTrue(FusedResampling.landsOnVoxels(new CropOrPad(new long[] { 30, 60, 10 }).plan(g)));
		assertTrue(FusedResampling.landsOnVoxels(new Flip(true, false, true).plan(g)));
		assertTrue(!FusedResampling.landsOnVoxels(new Rotate(0, 0, 10).plan(g)));
		final SpatialStep crop = step(new CropOrPad(new long[] { 30, 30, 10 }).plan(g), Interpolation.NEAREST, BoundaryMode.BOX, 0);
		final SpatialStep zoom = step(new Zoom(new double[] { 1.1, 1.1, 1 }).plan(crop.plan().target()), Interpolation.CUBIC, BoundaryMode.BOX, 0);
		assertEquals(Interpolation.CUBIC, FusedResampling.groups(List.of(crop, zoom), true).get(0).imageSampling().interpolation());
	}

	@Test
	void sameBitsWhateverTheThreadCount() {
		final Volume<FloatType> in = smooth();
		final Grid g0 = Grid.of(in);
		final SpatialStep crop = step(new CropOrPad(new long[] { 30, 30, 14 }).plan(g0), Interpolation.NEAREST, BoundaryMode.BOX, -1);
		final SpatialStep rotate = step(new Rotate(3, 0, 21).plan(crop.plan().target()), Interpolation.CUBIC, BoundaryMode.BOX, -2);
		final List<SpatialStep> steps = List.of(crop, rotate);
		final double[] one = Parallelization.runWithNumThreads(1, () -> values(fused(steps, in)));
		final double[] four = Parallelization.runWithNumThreads(4, () -> values(fused(steps, in)));
		assertArrayEquals(one, four, 0);
	}

	@Test
	void identityStepsAreLeftOutAndVoxelCopiesAtTheEndGiveTheStepByStepBits() {
		final CtPhantom phantom = new CtPhantom(30, 28, 12, new double[] { 0.8, 0.8, 2 }, 0, 9);
		final Volume<? extends RealType<?>> image = phantom.image(), labels = phantom.labels();
		final Grid g0 = Grid.of(labels);
		final SpatialStep rotate = SpatialStep.of(new Rotate(4, 0, 17).plan(g0), Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, -1000), Interpolation.LABEL);
		final Grid g1 = rotate.plan().target();
		final SpatialStep skipped = SpatialStep.identity(g1, Sampling.of(Interpolation.CUBIC, BoundaryMode.BOX, 0), Interpolation.LABEL);
		final SpatialStep flip = SpatialStep.of(new Flip(true, false, true).plan(g1), Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, 0), Interpolation.NEAREST);
		final SpatialStep crop = SpatialStep.of(new CropOrPad(new long[] { 24, 20, 10 }).plan(g1), Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, 0),
			Interpolation.NEAREST);
		assertTrue(skipped.isIdentity() && !flip.isIdentity());
		assertEquals(0, FusedResampling.groups(List.of(skipped), true).size(), "an identity step resamples nothing");
		final List<SpatialStep> steps = List.of(rotate, skipped, flip, crop);
		final List<FusedResampling> groups = FusedResampling.groups(steps, true);
		assertEquals(1, groups.size(), "an identity step does not split a group");
		assertEquals(List.of(rotate, flip, crop), groups.get(0).steps());
		// the flip and the crop copy what the rotation wrote: the same bits as step by step, labels and image
		Volume<? extends RealType<?>> l = labels, v = image;
		for (final FusedResampling g : FusedResampling.groups(steps, false)) {
			l = g.applyToLabels(l);
			v = g.applyToImage(v);
		}
		assertArrayEquals(values(l), values(groups.get(0).applyToLabels(labels)), 0);
		assertArrayEquals(values(v), values(groups.get(0).applyToImage(image)), 0);
		assertEquals(Util.typeName(labels), Util.typeName(groups.get(0).applyToLabels(labels)));
	}

	/** The pixel type's name, to check label maps keep theirs. */
	private static final class Util {
		static String typeName(final Volume<?> v) {
			return net.imglib2.util.Util.getTypeFromInterval(v.data()).getClass().getSimpleName();
		}
	}
}
