package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.medprep.core.Geometry;
import org.junit.jupiter.api.Test;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Axis-aligned linear resampling takes a shortcut (each axis's weights once per
 * column, row and plane, input rows interpolated along x once, planes blended
 * along y once and shared by neighbouring output planes); it must give the bits
 * of sampling voxel by voxel, which the resampler still does when a
 * displacement field is given: a zero field forces that path without changing
 * any coordinate.
 */
class SeparableResamplingTest {

	private static final long[] SIZE = { 23, 17, 9 };
	private static final Grid SOURCE = Grid.of(SIZE, Geometry.of(new double[] { 1.2, 0.9, 2.5 }, new double[] { 3, -4, 7 }));

	@Test
	void axisAlignedLinearResamplingEqualsVoxelByVoxelSampling() {
		// finer and coarser axes, shifted so that output points fall outside the input on every side
		assertSameBitsAsVoxelByVoxel(Grid.of(new long[] { 21, 13, 17 }, Geometry.of(new double[] { 1.5, 1.3, 1.4 }, new double[] { 1.1, -5.3, 5.2 })));
	}

	/** Flipped x and z (output planes walk the input planes backwards), many output planes (several runs of planes), and one plane. */
	@Test
	void flippedAxesAndAnyNumberOfPlanesGiveTheSameBits() {
		final double[][] flipXZ = { { -1, 0, 0 }, { 0, 1, 0 }, { 0, 0, -1 } };
		assertSameBitsAsVoxelByVoxel(Grid.of(new long[] { 19, 15, 41 }, Geometry.of(new double[] { 1.3, 0.7, 0.55 }, new double[] { 28, -5, 28 }, flipXZ)));
		assertSameBitsAsVoxelByVoxel(Grid.of(new long[] { 19, 15, 1 }, Geometry.of(new double[] { 1.3, 0.7, 0.55 }, new double[] { 28, -5, 12 }, flipXZ)));
	}

	@Test
	void theThreadCountChangesNoBit() {
		final Grid target = Grid.of(new long[] { 21, 13, 57 }, Geometry.of(new double[] { 1.5, 1.3, 0.4 }, new double[] { 1.1, -5.3, 5.2 }));
		final Sampling sampling = Sampling.of(Interpolation.LINEAR, BoundaryMode.NEAREST, 0);
		final PlanarImg<FloatType, FloatArray> img = image();
		final PlanarImg<FloatType, FloatArray>[] results = new PlanarImg[3];
		final int[] threads = { 1, 2, 5 };
		for (int t = 0; t < threads.length; t++) {
			final int k = t;
			Parallelization.runWithNumThreads(threads[t], () -> results[k] = Resampler.resample(img, SOURCE, target, PhysicalAffine.identity(), null, sampling));
		}
		for (int t = 1; t < threads.length; t++)
			for (int z = 0; z < target.size(2); z++)
				assertArrayEquals(results[0].getPlane(z).getCurrentStorageArray(), results[t].getPlane(z).getCurrentStorageArray(), threads[t] + " threads, plane " + z);
	}

	private static PlanarImg<FloatType, FloatArray> image() {
		final PlanarImg<FloatType, FloatArray> img = PlanarImgs.floats(SIZE);
		final Random random = new Random(11);
		for (final FloatType t : img) t.set((float) (random.nextGaussian() * 300));
		return img;
	}

	private static void assertSameBitsAsVoxelByVoxel(final Grid target) {
		final PlanarImg<FloatType, FloatArray> img = image();
		final Grid source = SOURCE;
		final DisplacementField zero = new DisplacementField() {
			@Override
			public Grid grid() {
				return target;
			}

			@Override
			public void row(final int y, final int z, final double[] dx, final double[] dy, final double[] dz) {
				java.util.Arrays.fill(dx, 0);
				java.util.Arrays.fill(dy, 0);
				java.util.Arrays.fill(dz, 0);
			}
		};
		for (final BoundaryMode mode : BoundaryMode.values()) {
			final Sampling sampling = Sampling.of(Interpolation.LINEAR, mode, -7);
			final PlanarImg<FloatType, FloatArray> fast = Resampler.resample(img, source, target, PhysicalAffine.identity(), null, sampling);
			final PlanarImg<FloatType, FloatArray> slow = Resampler.resample(img, source, target, PhysicalAffine.identity(), zero, sampling);
			for (int z = 0; z < target.size(2); z++) {
				final float[] a = fast.getPlane(z).getCurrentStorageArray(), b = slow.getPlane(z).getCurrentStorageArray();
				for (int i = 0; i < a.length; i++)
					assertEquals(Float.floatToIntBits(b[i]), Float.floatToIntBits(a[i]), mode + " plane " + z + " voxel " + i);
			}
		}
	}
}
