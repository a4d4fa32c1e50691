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

	/**
	 * The input as float planes (read where they lie), as one float array, as int16 off the origin
	 * (converted), and with infinities and NaN on its last voxels (which the voxel beyond the edge
	 * repeats or mirrors, read with weight 0).
	 */
	@Test
	void everyKindOfInputGivesTheSameBits() {
		final Grid target = Grid.of(new long[] { 21, 13, 17 }, Geometry.of(new double[] { 1.5, 1.3, 1.4 }, new double[] { 1.1, -5.3, 5.2 }));
		final PlanarImg<FloatType, FloatArray> planar = image();
		final net.imglib2.img.array.ArrayImg<FloatType, ?> array = net.imglib2.img.array.ArrayImgs.floats(SIZE);
		final net.imglib2.img.array.ArrayImg<net.imglib2.type.numeric.integer.ShortType, ?> shorts = net.imglib2.img.array.ArrayImgs.shorts(SIZE);
		final net.imglib2.Cursor<FloatType> from = planar.localizingCursor();
		final net.imglib2.RandomAccess<FloatType> a = array.randomAccess();
		final net.imglib2.RandomAccess<net.imglib2.type.numeric.integer.ShortType> b = shorts.randomAccess();
		while (from.hasNext()) {
			final float v = from.next().get();
			a.setPositionAndGet(from).set(v);
			b.setPositionAndGet(from).set((short) Math.round(v));
		}
		assertSameBitsAsVoxelByVoxel(target, array);
		assertSameBitsAsVoxelByVoxel(target, net.imglib2.view.Views.translate(shorts, 4, -2, 9));
		final PlanarImg<FloatType, FloatArray> odd = image();
		final net.imglib2.RandomAccess<FloatType> o = odd.randomAccess();
		o.setPositionAndGet(SIZE[0] - 1, 3, 2).set(Float.POSITIVE_INFINITY);
		o.setPositionAndGet(5, SIZE[1] - 1, 4).set(Float.NaN);
		o.setPositionAndGet(7, 8, SIZE[2] - 1).set(Float.NEGATIVE_INFINITY);
		o.setPositionAndGet(SIZE[0] - 2, SIZE[1] - 2, SIZE[2] - 2).set(Float.NaN);
		assertSameBitsAsVoxelByVoxel(target, odd);
		// a grid whose last voxels land exactly on the input's last voxels
		assertSameBitsAsVoxelByVoxel(Grid.of(new long[] { 45, 33, 17 }, Geometry.of(new double[] { 0.6, 0.45, 1.25 }, new double[] { 3, -4, 7 })), odd);
	}

	private static void assertSameBitsAsVoxelByVoxel(final Grid target) {
		assertSameBitsAsVoxelByVoxel(target, image());
	}

	private static void assertSameBitsAsVoxelByVoxel(final Grid target, final net.imglib2.RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>> img) {
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
