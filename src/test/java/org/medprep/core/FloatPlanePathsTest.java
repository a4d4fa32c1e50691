package org.medprep.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import org.junit.jupiter.api.Test;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.IntensityClip;
import org.medprep.core.intensity.PaddingReplacement;
import org.medprep.core.intensity.PercentileClip;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.core.normalize.MinMaxNormalization;
import org.medprep.core.normalize.ZScoreNormalization;
import org.medprep.core.stats.Percentiles;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * The float32 plane maps and the radix selection of {@link FloatOrderStatistics}
 * give the bits of the general paths (the same image seen through a
 * translated view, read value by value), including NaN, signed zeros,
 * infinities and subnormals; and known answers for min-max on every stored
 * type, calibrated or not.
 */
class FloatPlanePathsTest {

	private static final long[] DIMS = { 37, 23, 5 }; // odd sizes: no plane a multiple of anything
	private static final float NEGATIVE_NAN = Float.intBitsToFloat(0xffc00001);

	/** Gaussian CT-like values with every special float sprinkled in, and values on the window and clip edges. */
	private static PlanarImg<FloatType, ?> floats(final long seed, final boolean withNegativeNaN, final boolean withInfinities) {
		final Random random = new Random(seed);
		final float[] special = { Float.NaN, 0f, -0f, Float.MIN_VALUE, -Float.MIN_VALUE, -160, 240, -2000, 400, -1000, 1e-40f, -3e-39f,
			-160.3f, Math.nextUp(-160.3f), Math.nextDown(-160.3f), 0.1f, Math.nextUp(0.1f), Math.nextDown(0.1f) };
		final PlanarImg<FloatType, ?> img = PlanarImgs.floats(DIMS);
		int i = 0;
		for (final FloatType t : img) {
			final int r = random.nextInt(20);
			if (r == 0) t.set(special[random.nextInt(special.length)]);
			else if (r == 1 && withNegativeNaN) t.set(NEGATIVE_NAN);
			else if (r == 2 && withInfinities) t.set(random.nextBoolean() ? Float.POSITIVE_INFINITY : Float.NEGATIVE_INFINITY);
			else if (r == 3) t.set(Math.round(random.nextGaussian() * 300)); // repeated integer values, as a float CT holds
			else t.set((float) (random.nextGaussian() * 500 - 200));
			i++;
		}
		return img;
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Volume<? extends RealType<?>> volume(final RandomAccessibleInterval<? extends RealType<?>> data) {
		return Volume.of((RandomAccessibleInterval) data, Geometry.identity());
	}

	private static int[] bits(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final int[] v = new int[(int) (DIMS[0] * DIMS[1] * DIMS[2])];
		final Cursor<? extends RealType<?>> c = Views.flatIterable(img).cursor();
		for (int i = 0; c.hasNext(); i++) v[i] = Float.floatToRawIntBits(c.next().getRealFloat());
		return v;
	}

	private static Map<String, Function<Volume<? extends RealType<?>>, Volume<?>>> floatMaps() {
		final Map<String, Function<Volume<? extends RealType<?>>, Volume<?>>> ops = new LinkedHashMap<>();
		ops.put("HU window unit", v -> new HuWindow(40, 400).apply(v, WindowOutput.FLOAT_UNIT));
		ops.put("HU window unit, lower edge 0", v -> new HuWindow(100, 200).apply(v, WindowOutput.FLOAT_UNIT));
		ops.put("HU window 8-bit", v -> new HuWindow(40, 400).apply(v, WindowOutput.BYTE));
		ops.put("HU window 8-bit, lower edge 0", v -> new HuWindow(100, 200).apply(v, WindowOutput.BYTE));
		ops.put("HU window clipped", v -> new HuWindow(40, 400).apply(v, WindowOutput.HU_CLIPPED));
		ops.put("clip", v -> new IntensityClip(-1000, 400).apply(v));
		ops.put("clip at zero", v -> new IntensityClip(0, 400).apply(v));
		ops.put("clip at minus zero", v -> new IntensityClip(-5, -0.0).apply(v));
		ops.put("clip to one value", v -> new IntensityClip(7, 7).apply(v));
		// limits that are not floats: the float path clamps to them rounded (up for -160.3, down for 0.1)
		ops.put("clip to limits between floats", v -> new IntensityClip(-160.3, 0.1).apply(v));
		ops.put("clip to limits beyond float's range", v -> new IntensityClip(-1e39, 1e39).apply(v));
		ops.put("clip to a subnormal", v -> new IntensityClip(-1e-300, 1e-40).apply(v));
		ops.put("padding", v -> new PaddingReplacement(-2000, -1000).apply(v));
		ops.put("z-score", v -> ZScoreNormalization.standardize(v, -123.25, 321.5));
		ops.put("min-max", v -> new MinMaxNormalization(-1, 1).apply(v));
		ops.put("min-max onto [0, 1]", v -> new MinMaxNormalization(0, 1).apply(v));
		return ops;
	}

	@Test
	void floatPlaneMapsGiveTheBitsOfTheGeneralPath() {
		for (final boolean infinities : new boolean[] { false, true }) {
			final PlanarImg<FloatType, ?> img = floats(3, true, infinities);
			assertTrue(StoredPlanes.of(img).get().holdsFloats());
			for (final Map.Entry<String, Function<Volume<? extends RealType<?>>, Volume<?>>> op : floatMaps().entrySet()) {
				final int[] general = bits(op.getValue().apply(volume(Views.translate(img, 7, -3, 11))).data());
				final int[] planes = bits(op.getValue().apply(volume(img)).data());
				assertArrayEquals(general, planes, op.getKey() + (infinities ? " with infinities" : ""));
				final int[] three = Parallelization.runWithNumThreads(3, () -> bits(op.getValue().apply(volume(img)).data()));
				assertArrayEquals(planes, three, op.getKey() + " on 3 threads");
			}
		}
	}

	@Test
	void floatPlaneMapsKnownAnswers() {
		final PlanarImg<FloatType, ?> img = PlanarImgs.floats(3, 2, 1);
		final float[] in = { Float.NaN, -160, -0f, 40, 240, 1000 };
		int i = 0;
		for (final FloatType t : img) t.set(in[i++]);
		assertArrayEquals(new float[] { Float.NaN, 0, 0.4f, 0.5f, 1, 1 }, values(new HuWindow(40, 400).apply(volume(img), WindowOutput.FLOAT_UNIT).data()));
		assertArrayEquals(new float[] { 0, 0, 102, 128, 255, 255 }, values(new HuWindow(40, 400).apply(volume(img), WindowOutput.BYTE).data()));
		assertArrayEquals(new float[] { Float.NaN, -100, -0f, 40, 100, 100 }, values(new IntensityClip(-100, 100).apply(volume(img)).data()));
		// the range ignores NaN: -160 .. 1000 onto 0 .. 1
		assertArrayEquals(new float[] { Float.NaN, 0, minMax(-0.0, -160, 1000, 0, 1), minMax(40, -160, 1000, 0, 1), minMax(240, -160, 1000, 0, 1), 1 },
			values(new MinMaxNormalization(0, 1).apply(volume(img)).data()));
		assertArrayEquals(new float[] { Float.NaN, -160, -0f, 40, 240, 7 }, values(new PaddingReplacement(1000, 7).apply(volume(img)).data()));
	}

	private static float[] values(final RandomAccessibleInterval<? extends RealType<?>> img) {
		final List<Float> v = new ArrayList<>();
		for (final RealType<?> t : Views.flatIterable(img)) v.add(t.getRealFloat());
		final float[] a = new float[v.size()];
		for (int i = 0; i < a.length; i++) a[i] = v.get(i);
		return a;
	}

	/** What min-max gives voxel x of an image spanning [lo, hi], onto [min, max], in the operation's own arithmetic. */
	private static float minMax(final double x, final double lo, final double hi, final double min, final double max) {
		return (float) (min + (x - lo) * ((max - min) / (hi - lo)));
	}

	@Test
	void minMaxKnownAnswersForEveryStoredTypeCalibratedOrNot() {
		final PlanarImg<UnsignedShortType, ?> u16 = PlanarImgs.unsignedShorts(2, 2, 1);
		final int[] stored = { 100, 0, 65535, 4000 };
		int i = 0;
		for (final UnsignedShortType t : u16) t.set(stored[i++]);
		assertArrayEquals(new float[] { minMax(100, 0, 65535, 0, 1), 0, 1, minMax(4000, 0, 65535, 0, 1) },
			values(new MinMaxNormalization(0, 1).apply(volume(u16)).data()));
		// calibrated: slope 0.5 and intercept -1024 (a float view) make the stored values -974, -1024, 31743.5, 976
		final double lo = -1024, hi = 0.5 * 65535 - 1024;
		assertArrayEquals(new float[] { minMax(-974, lo, hi, 0, 1), 0, 1, minMax(976, lo, hi, 0, 1) },
			values(new MinMaxNormalization(0, 1).apply(volume(LinearRescale.view(u16, 0.5, -1024))).data()));
		// a negative slope: the largest stored value is the smallest physical one
		assertArrayEquals(new float[] { minMax(-100, -65535, 0, 0, 1), 1, 0, minMax(-4000, -65535, 0, 0, 1) },
			values(new MinMaxNormalization(0, 1).apply(volume(LinearRescale.view(u16, -1, 0))).data()));
		// int16 CT with padding
		final PlanarImg<ShortType, ?> ct = PlanarImgs.shorts(3, 1, 1);
		final short[] hu = { -2000, 3000, 40 };
		i = 0;
		for (final ShortType t : ct) t.set(hu[i++]);
		assertArrayEquals(new float[] { -1, 1, minMax(40, -2000, 3000, -1, 1) }, values(new MinMaxNormalization(-1, 1).apply(volume(ct)).data()));
		// 8-bit, and its integer view with an intercept (the same differences, so the same answer)
		final PlanarImg<UnsignedByteType, ?> u8 = PlanarImgs.unsignedBytes(3, 1, 1);
		final int[] b = { 255, 3, 7 };
		i = 0;
		for (final UnsignedByteType t : u8) t.set(b[i++]);
		final float[] expected = { 1, 0, minMax(7, 3, 255, 0, 1) };
		assertArrayEquals(expected, values(new MinMaxNormalization(0, 1).apply(volume(u8)).data()));
		assertArrayEquals(expected, values(new MinMaxNormalization(0, 1).apply(volume(LinearRescale.view(u8, 1, -1024))).data()));
		final PlanarImg<ShortType, ?> constant = PlanarImgs.shorts(3, 1, 1);
		assertThrows(IllegalArgumentException.class, () -> new MinMaxNormalization(0, 1).apply(volume(constant)));
	}

	@Test
	void rangeOfStoredIntegersIsTheSameOnAnyThreadCount() {
		final PlanarImg<ShortType, ?> img = PlanarImgs.shorts(DIMS);
		final Random random = new Random(11);
		for (final ShortType t : img) t.set((short) (random.nextGaussian() * 3000));
		final double[] one = Parallelization.runWithNumThreads(1, () -> Planes.range(img));
		final double[] three = Parallelization.runWithNumThreads(3, () -> Planes.range(img));
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final ShortType t : img) {
			lo = Math.min(lo, t.get());
			hi = Math.max(hi, t.get());
		}
		assertArrayEquals(new double[] { lo, hi }, one, 0);
		assertArrayEquals(one, three, 0);
	}

	@Test
	void keysOrderFloatsAsFloatCompareDoes() {
		final float[] ordered = { Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1, -Float.MIN_NORMAL, -Float.MIN_VALUE, -0f, 0f, Float.MIN_VALUE,
			Float.MIN_NORMAL, 1, Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NaN };
		for (int i = 0; i + 1 < ordered.length; i++)
			assertTrue(Integer.compareUnsigned(FloatOrderStatistics.key(ordered[i]), FloatOrderStatistics.key(ordered[i + 1])) < 0, ordered[i] + " < " + ordered[i + 1]);
		assertEquals(FloatOrderStatistics.key(Float.NaN), FloatOrderStatistics.key(NEGATIVE_NAN));
		for (final float x : ordered) assertEquals(Float.floatToIntBits(x), Float.floatToIntBits(FloatOrderStatistics.value(FloatOrderStatistics.key(x))));
	}

	@Test
	void orderStatisticsAreTheSortedSelectedValues() {
		final PlanarImg<UnsignedByteType, ?> maskImg = PlanarImgs.unsignedBytes(DIMS);
		final Random random = new Random(5);
		for (final UnsignedByteType t : maskImg) t.set(random.nextInt(3) == 0 ? 0 : 1);
		for (final boolean negativeNaN : new boolean[] { false, true }) {
			final PlanarImg<FloatType, ?> img = floats(9, negativeNaN, true);
			final float[] all = values(img), mask = values(maskImg);
			for (final VoxelSelection selection : new VoxelSelection[] { VoxelSelection.all(), VoxelSelection.nonZero(), VoxelSelection.mask(maskImg) }) {
				final List<Float> kept = new ArrayList<>();
				for (int i = 0; i < all.length; i++)
					if (selection.kind() == VoxelSelection.Kind.ALL || selection.kind() == VoxelSelection.Kind.NON_ZERO && all[i] != 0
						|| selection.kind() == VoxelSelection.Kind.MASK && mask[i] != 0) kept.add(all[i]);
				final float[] sorted = new float[kept.size()];
				for (int i = 0; i < sorted.length; i++) sorted[i] = kept.get(i);
				Arrays.sort(sorted); // Float.compare order: -0.0 before 0.0, NaN last
				final long[] ranks = { 0, 1, sorted.length / 3, sorted.length / 2, sorted.length - 2, sorted.length - 1 };
				for (final int threads : new int[] { 1, 3 }) {
					final FloatOrderStatistics stats = Parallelization.runWithNumThreads(threads, () -> FloatOrderStatistics.of(img, selection).get());
					assertEquals(sorted.length, stats.count(), selection.toString());
					final float[] got = Parallelization.runWithNumThreads(threads, () -> stats.values(ranks));
					for (int r = 0; r < ranks.length; r++)
						assertEquals(Float.floatToIntBits(sorted[(int) ranks[r]]), Float.floatToIntBits(got[r]),
							selection + " rank " + ranks[r] + (negativeNaN ? " with a negative NaN" : "") + " on " + threads + " threads");
				}
			}
		}
	}

	@Test
	void orderStatisticsByHandAndTheirLimits() {
		final PlanarImg<FloatType, ?> img = PlanarImgs.floats(5, 1, 1);
		final float[] in = { 3.5f, -1, 3.5f, 2, 10 };
		int i = 0;
		for (final FloatType t : img) t.set(in[i++]);
		final FloatOrderStatistics stats = FloatOrderStatistics.of(img, VoxelSelection.all()).get();
		assertEquals(5, stats.count());
		assertArrayEquals(new float[] { -1, 2, 3.5f, 3.5f, 10 }, stats.values(0, 1, 2, 3, 4));
		assertThrows(IllegalArgumentException.class, () -> stats.values(5));
		// not float32 planes: the other paths
		assertFalse(FloatOrderStatistics.of(Views.translate(img, 1, 0, 0), VoxelSelection.all()).isPresent());
		assertFalse(FloatOrderStatistics.of(PlanarImgs.shorts(2, 2, 2), VoxelSelection.all()).isPresent());
		// numpy: np.percentile([3.5, -1, 3.5, 2, 10], [0, 10, 50, 62.5, 90, 100]) = [-1, 0.2, 3.5, 3.5, 7.4, 10]
		assertArrayEquals(new double[] { -1, 0.2, 3.5, 3.5, 7.4, 10 }, Percentiles.of(img, VoxelSelection.all(), 0, 10, 50, 62.5, 90, 100), 1e-12);
	}

	@Test
	void percentilesOfFloatPlanesEqualThoseOfTheGeneralPath() {
		final PlanarImg<UnsignedByteType, ?> maskImg = PlanarImgs.unsignedBytes(DIMS);
		final Random random = new Random(6);
		for (final UnsignedByteType t : maskImg) t.set(random.nextInt(4) == 0 ? 0 : 1);
		final double[] q = { 0, 0.5, 13.7, 50, 99.5, 100 };
		for (final boolean special : new boolean[] { false, true }) {
			final PlanarImg<FloatType, ?> img = special ? floats(4, true, true) : floats(4, false, false);
			for (final VoxelSelection selection : new VoxelSelection[] { VoxelSelection.all(), VoxelSelection.nonZero(), VoxelSelection.mask(maskImg) }) {
				final VoxelSelection shifted = selection.maskImage() == null ? selection : VoxelSelection.mask(Views.translate(maskImg, 1, 2, 3));
				final double[] general = Percentiles.of(Views.translate(img, 1, 2, 3), shifted, q);
				final double[] radix = Parallelization.runWithNumThreads(3, () -> Percentiles.of(img, selection, q));
				for (int p = 0; p < q.length; p++)
					assertEquals(Double.doubleToLongBits(general[p]), Double.doubleToLongBits(radix[p]), selection + " q=" + q[p] + (special ? " special values" : ""));
			}
			if (special) continue; // infinite limits interpolate to NaN (-inf - -inf), which the clip refuses, on either path
			final int[] clipped = bits(new PercentileClip(0.5, 99.5).apply(volume(img), VoxelSelection.all()).data());
			assertArrayEquals(bits(new PercentileClip(0.5, 99.5).apply(volume(Views.translate(img, 1, 2, 3)), VoxelSelection.all()).data()), clipped);
		}
	}
}
