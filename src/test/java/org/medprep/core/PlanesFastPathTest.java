package org.medprep.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The fast paths of {@link Planes} (stored arrays read directly, lookup tables
 * for 8- and 16-bit integers, counted values) give exactly what reading every
 * voxel through ImgLib2 gives, for every stored type, rescaled or not, and for
 * images they cannot read directly.
 */
class PlanesFastPathTest {

	private static final long[] DIMS = { 37, 23, 5 }; // a plane of 851 voxels: not a multiple of the run length

	/** Every stored type MedPrep's readers and ImageJ produce, filled with values of that type's range. */
	private static List<RandomAccessibleInterval<? extends RealType<?>>> images() {
		final List<RandomAccessibleInterval<? extends RealType<?>>> list = new ArrayList<>();
		final Random random = new Random(7);
		list.add(fill(PlanarImgs.bytes(DIMS), () -> random.nextInt(256) - 128));
		list.add(fill(PlanarImgs.unsignedBytes(DIMS), () -> random.nextInt(256)));
		list.add(fill(PlanarImgs.shorts(DIMS), () -> random.nextInt(65536) - 32768));
		list.add(fill(PlanarImgs.unsignedShorts(DIMS), () -> random.nextInt(65536)));
		list.add(fill(PlanarImgs.ints(DIMS), () -> random.nextInt() / 7));
		list.add(fill(PlanarImgs.floats(DIMS), () -> random.nextGaussian() * 500));
		list.add(fill(PlanarImgs.doubles(DIMS), () -> random.nextGaussian() * 500));
		final List<RandomAccessibleInterval<? extends RealType<?>>> all = new ArrayList<>(list);
		for (final RandomAccessibleInterval<? extends RealType<?>> img : list) {
			all.add(rescaled(img, 1, -1024)); // integer rescale: stays an integer view
			all.add(rescaled(img, 0.5, 3.25)); // float rescale
			all.add(Views.translate(img, 7, -3, 11)); // not planar: the general path
		}
		return all;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static RandomAccessibleInterval<? extends RealType<?>> rescaled(final RandomAccessibleInterval<? extends RealType<?>> img,
		final double slope, final double intercept)
	{
		return LinearRescale.view((RandomAccessibleInterval) img, slope, intercept);
	}

	private static <T extends net.imglib2.type.NativeType<T> & RealType<T>> PlanarImg<T, ?> fill(final PlanarImg<T, ?> img, final Supplier<Number> values) {
		for (final T t : img) t.setReal(values.get().doubleValue());
		return img;
	}

	private static double[] voxels(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final double[] v = new double[(int) (DIMS[0] * DIMS[1] * DIMS[2])];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
		for (int i = 0; c.hasNext(); i++) v[i] = c.next().getRealDouble();
		return v;
	}

	/** A non-linear element-wise map, so a wrong value or position shows. */
	private static double f(final double x) {
		return Math.max(-0.5, Math.min(2, (x + 100) / 400)) + 1e-3 * (x % 7);
	}

	@Test
	void floatMapEqualsThePerVoxelMapForEveryStoredType() {
		for (final RandomAccessibleInterval<? extends RealType<?>> img : images()) {
			final double[] expected = voxels(img);
			final float[] got = floats(Planes.mapFloats(img, (in, n, out, at) -> {
				for (int i = 0; i < n; i++) out[at + i] = (float) f(in[i]);
			}));
			for (int i = 0; i < expected.length; i++)
				assertEquals(Float.floatToIntBits((float) f(expected[i])), Float.floatToIntBits(got[i]), img + " voxel " + i);
		}
	}

	@Test
	void byteMapEqualsThePerVoxelMapForEveryStoredType() {
		for (final RandomAccessibleInterval<? extends RealType<?>> img : images()) {
			final double[] expected = voxels(img);
			final double[] got = voxels(Planes.mapBytes(img, (in, n, out, at) -> {
				for (int i = 0; i < n; i++) out[at + i] = (byte) Math.round(100 * f(in[i]));
			}));
			for (int i = 0; i < expected.length; i++)
				assertEquals((byte) Math.round(100 * f(expected[i])) & 0xff, (int) got[i], img + " voxel " + i);
		}
	}

	@Test
	void runScansSeeEveryVoxelInOrderWithItsMask() {
		final RandomAccessibleInterval<? extends RealType<?>> mask = images().get(1); // unsigned bytes
		for (final RandomAccessibleInterval<? extends RealType<?>> img : images()) {
			final double[] v = voxels(img), m = voxels(mask);
			final List<double[]> sums = Planes.scanRuns(img, mask, () -> new double[2], (acc, values, other, n) -> {
				for (int i = 0; i < n; i++) {
					acc[0] += values[i] * (1 + acc[1] % 3);
					if (other[i] > 100) acc[1]++;
				}
			});
			final int plane = (int) (DIMS[0] * DIMS[1]);
			for (int z = 0; z < DIMS[2]; z++) {
				double sum = 0, count = 0;
				for (int i = z * plane; i < (z + 1) * plane; i++) {
					sum += v[i] * (1 + count % 3);
					if (m[i] > 100) count++;
				}
				assertEquals(Double.doubleToLongBits(sum), Double.doubleToLongBits(sums.get(z)[0]), img + " plane " + z);
				assertEquals(count, sums.get(z)[1], 0);
			}
		}
	}

	@Test
	void valueCountsCountEachSelectedValue() {
		final RandomAccessibleInterval<? extends RealType<?>> mask = images().get(1);
		final double[] m = voxels(mask);
		for (final RandomAccessibleInterval<? extends RealType<?>> img : images()) {
			final double[] v = voxels(img);
			for (final VoxelSelection selection : new VoxelSelection[] { VoxelSelection.all(), VoxelSelection.nonZero(), VoxelSelection.mask(mask) }) {
				final java.util.Optional<ValueCounts> counts = ValueCounts.of(img, selection);
				final boolean small = PlanesFastPathTest.smallIntegers(img);
				assertEquals(small, counts.isPresent(), img.toString());
				if (!small) continue;
				final java.util.Map<Double, Long> expected = new java.util.HashMap<>(), got = new java.util.HashMap<>();
				for (int i = 0; i < v.length; i++)
					if (selection.test(v[i], m, i)) expected.merge(v[i], 1L, Long::sum);
				for (int k = 0; k < counts.get().size(); k++)
					if (counts.get().count(k) > 0) got.merge(counts.get().value(k), counts.get().count(k), Long::sum);
				assertEquals(expected, got, img + " " + selection);
			}
		}
	}

	@Test
	void rangeIsTheSmallestAndLargestVoxelForEveryStoredType() {
		final List<RandomAccessibleInterval<? extends RealType<?>>> all = new ArrayList<>(images());
		// a negative slope: the largest stored integer is the smallest physical value
		for (final RandomAccessibleInterval<? extends RealType<?>> img : images().subList(0, 7)) all.add(rescaled(img, -0.75, 10.5));
		for (final RandomAccessibleInterval<? extends RealType<?>> img : all) {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (final double x : voxels(img)) {
				lo = Math.min(lo, x);
				hi = Math.max(hi, x);
			}
			final double[] range = Planes.range(img);
			assertEquals(lo, range[0], 0, img.toString());
			assertEquals(hi, range[1], 0, img.toString());
		}
	}

	@Test
	void rangeIgnoresNaN() {
		final PlanarImg<net.imglib2.type.numeric.real.FloatType, ?> img = PlanarImgs.floats(DIMS);
		int i = 0;
		for (final net.imglib2.type.numeric.real.FloatType t : img) t.set(i++ % 5 == 0 ? Float.NaN : i - 100);
		final double[] range = Planes.range(img);
		assertEquals(-98, range[0], 0);
		assertEquals(DIMS[0] * DIMS[1] * DIMS[2] - 100, range[1], 0);
	}

	@Test
	void statisticsFromCountsAgreeWithTwoPassStatistics() {
		for (final RandomAccessibleInterval<? extends RealType<?>> img : images()) {
			if (!smallIntegers(img)) continue;
			final IntensityStatistics counted = IntensityStatistics.of(img, VoxelSelection.nonZero());
			final IntensityStatistics general = IntensityStatistics.of(Views.translate(img, 1, 2, 3), VoxelSelection.nonZero());
			assertEquals(general.count(), counted.count());
			assertEquals(general.min(), counted.min(), 0);
			assertEquals(general.max(), counted.max(), 0);
			assertEquals(general.mean(), counted.mean(), 1e-9 * Math.max(1, Math.abs(general.mean())));
			assertEquals(general.std(), counted.std(), 1e-9 * general.std());
		}
	}

	@Test
	void percentilesFromCountsEqualPercentilesOfTheValues() {
		final RandomAccessibleInterval<? extends RealType<?>> mask = images().get(1);
		for (final RandomAccessibleInterval<? extends RealType<?>> img : images()) {
			if (!smallIntegers(img)) continue;
			for (final VoxelSelection selection : new VoxelSelection[] { VoxelSelection.all(), VoxelSelection.nonZero(), VoxelSelection.mask(mask) }) {
				final double[] q = { 0, 0.5, 13.7, 50, 99.5, 100 };
				final double[] counted = org.medprep.core.stats.Percentiles.of(img, selection, q);
				final VoxelSelection shifted = selection.maskImage() == null ? selection : VoxelSelection.mask(Views.translate(mask, 1, 2, 3));
				final double[] general = org.medprep.core.stats.Percentiles.of(Views.translate(img, 1, 2, 3), shifted, q);
				for (int p = 0; p < q.length; p++)
					assertEquals(Double.doubleToLongBits(general[p]), Double.doubleToLongBits(counted[p]), img + " " + selection + " q=" + q[p]);
			}
		}
	}

	@Test
	void sameBitsWhateverTheThreadCount() {
		for (final RandomAccessibleInterval<? extends RealType<?>> img : images()) {
			final float[] one = Parallelization.runWithNumThreads(1, () -> floats(Planes.mapFloats(img, (in, n, out, at) -> {
				for (int i = 0; i < n; i++) out[at + i] = (float) f(in[i]);
			})));
			final float[] three = Parallelization.runWithNumThreads(3, () -> floats(Planes.mapFloats(img, (in, n, out, at) -> {
				for (int i = 0; i < n; i++) out[at + i] = (float) f(in[i]);
			})));
			assertTrue(java.util.Arrays.equals(one, three), img.toString());
			final IntensityStatistics s1 = Parallelization.runWithNumThreads(1, () -> IntensityStatistics.of(img, VoxelSelection.all()));
			final IntensityStatistics s3 = Parallelization.runWithNumThreads(3, () -> IntensityStatistics.of(img, VoxelSelection.all()));
			assertEquals(Double.doubleToLongBits(s1.mean()), Double.doubleToLongBits(s3.mean()));
			assertEquals(Double.doubleToLongBits(s1.std()), Double.doubleToLongBits(s3.std()));
		}
	}

	@Test
	void translatedImagesAreNotReadAsStoredPlanes() {
		assertFalse(StoredPlanes.of(Views.translate(PlanarImgs.shorts(DIMS), 1, 0, 0)).isPresent());
		assertTrue(StoredPlanes.of(PlanarImgs.shorts(DIMS)).isPresent());
	}

	/** Planar 8- or 16-bit stored integers, directly or under a rescale: what value counting covers. */
	private static boolean smallIntegers(final RandomAccessibleInterval<? extends RealType<?>> img) {
		return StoredPlanes.of(img).map(s -> s.tableSize() > 0).orElse(false);
	}

	private static float[] floats(final PlanarImg<FloatType, ?> img) {
		final float[] v = new float[(int) (DIMS[0] * DIMS[1] * DIMS[2])];
		int i = 0;
		for (final FloatType t : img) v[i++] = t.get();
		return v;
	}
}
