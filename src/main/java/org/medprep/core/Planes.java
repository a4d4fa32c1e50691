package org.medprep.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.img.NativeImg;
import net.imglib2.img.basictypeaccess.array.ArrayDataAccess;
import net.imglib2.converter.RealTypeConverters;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;
import net.imglib2.util.Util;

/**
 * Plane-by-plane processing of 3D images over primitive arrays, in parallel on
 * the current ImgLib2 {@link Parallelization} executor.
 * <p>
 * Work is always split by z plane and results are combined in plane order, so
 * reductions (sums, histograms) give bit-identical results whatever the number
 * of threads. Reading uses {@link PrimitiveBlocks}, which copies a plane of
 * any (converted) view into a {@code double[]} without per-voxel virtual calls
 * where it can.
 */
public final class Planes {

	private Planes() {}

	/** Work on one z plane: its index (0-based from the image's min) and its voxels, x fastest. */
	@FunctionalInterface
	public interface PlaneFunction<R> {
		R apply(int z, double[] values);
	}

	/** Work on one z plane of two aligned images (e.g. an image and its mask). */
	@FunctionalInterface
	public interface PairedPlaneFunction<R> {
		R apply(int z, double[] values, double[] other);
	}

	/** Runs {@code f} on every z plane in parallel; returns the results in plane order. */
	public static <R> List<R> map(final RandomAccessibleInterval<? extends RealType<?>> image, final PlaneFunction<R> f) {
		requireThreeD(image);
		final PlaneReader reader = new PlaneReader(image);
		return Parallelization.getTaskExecutor().forEachApply(planeIndices(image), z -> f.apply(z, reader.read(z)));
	}

	/** Runs {@code f} on every z plane of two images of equal size; {@code other} may be null (then null is passed). */
	public static <R> List<R> map(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends RealType<?>> other, final PairedPlaneFunction<R> f)
	{
		requireThreeD(image);
		if (other == null) return map(image, (z, v) -> f.apply(z, v, null));
		requireSameSize(image, other);
		final PlaneReader a = new PlaneReader(image);
		final PlaneReader b = new PlaneReader(other);
		return Parallelization.getTaskExecutor().forEachApply(planeIndices(image), z -> f.apply(z, a.read(z), b.read(z)));
	}

	/**
	 * A new float image of the same size whose plane {@code z} is filled by
	 * {@code fill(z, values, out)}. Planar, so it wraps into an ImageJ stack
	 * without copying.
	 */
	public static PlanarImg<FloatType, FloatArray> toFloat(final RandomAccessibleInterval<? extends RealType<?>> image,
		final PlaneWriter writer)
	{
		requireThreeD(image);
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(image.dimensionsAsLongArray());
		final PlaneReader reader = new PlaneReader(image);
		Parallelization.getTaskExecutor().forEach(planeIndices(image), z -> {
			writer.write(z, reader.readShared(z), out.getPlane(z).getCurrentStorageArray());
		});
		return out;
	}

	/** A new 8-bit image of the same size whose plane {@code z} is filled by {@code writer}. */
	public static PlanarImg<UnsignedByteType, ByteArray> toUnsignedBytes(final RandomAccessibleInterval<? extends RealType<?>> image,
		final BytePlaneWriter writer)
	{
		requireThreeD(image);
		final PlanarImg<UnsignedByteType, ByteArray> out = PlanarImgs.unsignedBytes(image.dimensionsAsLongArray());
		final PlaneReader reader = new PlaneReader(image);
		Parallelization.getTaskExecutor().forEach(planeIndices(image), z -> {
			writer.write(z, reader.readShared(z), out.getPlane(z).getCurrentStorageArray());
		});
		return out;
	}

	/**
	 * Like {@link #map(RandomAccessibleInterval, RandomAccessibleInterval, PairedPlaneFunction)}
	 * for reductions: the plane arrays are reused by each worker thread, so they are
	 * valid only during the call and must not be kept. Saves allocating and
	 * clearing a plane of doubles per z (the cost of a pass on a large CT).
	 */
	public static <R> List<R> scan(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends RealType<?>> other, final PairedPlaneFunction<R> f)
	{
		requireThreeD(image);
		final PlaneReader a = new PlaneReader(image);
		if (other == null) return Parallelization.getTaskExecutor().forEachApply(planeIndices(image), z -> f.apply(z, a.readShared(z), null));
		requireSameSize(image, other);
		final PlaneReader b = new PlaneReader(other);
		return Parallelization.getTaskExecutor().forEachApply(planeIndices(image), z -> f.apply(z, a.readShared(z), b.readShared(z)));
	}

	/** Voxels per run in {@link #mapFloats}, {@link #mapBytes} and {@link #scanRuns}: small enough to stay in L1 cache. */
	static final int RUN = 2048;

	/** Element-wise work on a run of one plane's voxels: {@code out[at + i]} from {@code in[i]}, {@code i < n}. */
	@FunctionalInterface
	public interface FloatRun {
		void write(double[] in, int n, float[] out, int at);
	}

	/** Like {@link FloatRun}, into unsigned bytes. */
	@FunctionalInterface
	public interface ByteRun {
		void write(double[] in, int n, byte[] out, int at);
	}

	/**
	 * Work on a run of voxels of one plane for a reduction: {@code values[0 .. n)}
	 * and, when a second image is given, the same voxels of it in {@code other}
	 * (else null). The arrays are reused and valid only during the call.
	 */
	@FunctionalInterface
	public interface RunScan<A> {
		void scan(A accumulator, double[] values, double[] other, int n);
	}

	/**
	 * A new float image of the same size, voxel by voxel from the input's physical
	 * values, for element-wise operations (windows, clips, affine maps): {@code f}
	 * must compute each output from its input value alone, and may be called for
	 * values that do not occur in the image. Planar images (ImageJ stacks,
	 * MedPrep's readers), rescaled or not, are read straight from their primitive
	 * arrays: 8- and 16-bit integers through a table of {@code f} over every
	 * stored value (the same bits as computing each voxel, at the speed of a
	 * lookup), other types in short runs that stay in cache. The planes are
	 * computed when the result is first read, all at once and in parallel, or
	 * one by one into a writer's buffers ({@link ComputedPlanes}).
	 */
	public static PlanarImg<FloatType, FloatArray> mapFloats(final RandomAccessibleInterval<? extends RealType<?>> image, final FloatRun f) {
		requireThreeD(image);
		final int n = planeSize(image);
		final StoredPlanes stored = StoredPlanes.of(image).orElse(null);
		final float[] table = stored == null || stored.tableSize() == 0 ? null : new float[stored.tableSize()];
		if (table != null) f.write(stored.tableValues(), table.length, table, 0);
		final RunSource source = new RunSource(image);
		return ComputedPlanes.floats(image, (z, out) -> {
			if (table != null) stored.lookup(stored.plane(z), table, out);
			else source.forEachRun(z, (values, other, len, at) -> f.write(values, len, out, at));
		});
	}

	/** Element-wise work on a whole plane of float32 values: {@code out[i]} from {@code in[i]}. */
	@FunctionalInterface
	public interface FloatPlaneMap {
		void write(float[] in, float[] out);
	}

	/**
	 * Like {@link #mapFloats(RandomAccessibleInterval, FloatRun)}, with the same
	 * map written for float32 input: planar float images (not rescaled) are
	 * mapped by {@code onFloats} straight from their arrays, without widening
	 * runs into doubles first. {@code onFloats} must give the same bits as
	 * {@code f} for every float value (tests compare the two).
	 */
	public static PlanarImg<FloatType, FloatArray> mapFloats(final RandomAccessibleInterval<? extends RealType<?>> image, final FloatRun f,
		final FloatPlaneMap onFloats)
	{
		requireThreeD(image);
		final StoredPlanes stored = StoredPlanes.of(image).orElse(null);
		if (stored == null || !stored.holdsFloats()) return mapFloats(image, f);
		return ComputedPlanes.floats(image, (z, out) -> onFloats.write((float[]) stored.plane(z), out));
	}

	/** Element-wise work on a whole plane of float32 values into unsigned bytes: {@code out[i]} from {@code in[i]}. */
	@FunctionalInterface
	public interface BytePlaneMap {
		void write(float[] in, byte[] out);
	}

	/** Like {@link #mapFloats(RandomAccessibleInterval, FloatRun, FloatPlaneMap)}, into an 8-bit image. */
	public static PlanarImg<UnsignedByteType, ByteArray> mapBytes(final RandomAccessibleInterval<? extends RealType<?>> image, final ByteRun f,
		final BytePlaneMap onFloats)
	{
		requireThreeD(image);
		final StoredPlanes stored = StoredPlanes.of(image).orElse(null);
		if (stored == null || !stored.holdsFloats()) return mapBytes(image, f);
		final int n = planeSize(image);
		final ByteArray[] planes = new ByteArray[(int) image.dimension(2)];
		Parallelization.getTaskExecutor().forEach(planeIndices(image), z -> {
			final byte[] out = new byte[n];
			onFloats.write((float[]) stored.plane(z), out);
			planes[z] = new ByteArray(out);
		});
		return planar(planes, image, new UnsignedByteType());
	}

	/** Like {@link #mapFloats}, into an 8-bit image. */
	public static PlanarImg<UnsignedByteType, ByteArray> mapBytes(final RandomAccessibleInterval<? extends RealType<?>> image, final ByteRun f) {
		requireThreeD(image);
		final int n = planeSize(image);
		final StoredPlanes stored = StoredPlanes.of(image).orElse(null);
		final byte[] table = stored == null || stored.tableSize() == 0 ? null : new byte[stored.tableSize()];
		if (table != null) f.write(stored.tableValues(), table.length, table, 0);
		final RunSource source = new RunSource(image);
		final ByteArray[] planes = new ByteArray[(int) image.dimension(2)];
		Parallelization.getTaskExecutor().forEach(planeIndices(image), z -> {
			final byte[] out = new byte[n];
			if (table != null) stored.lookup(stored.plane(z), table, out);
			else source.forEachRun(z, (values, other, len, at) -> f.write(values, len, out, at));
			planes[z] = new ByteArray(out);
		});
		return planar(planes, image, new UnsignedByteType());
	}

	/**
	 * A reduction in runs: one accumulator per z plane from {@code perPlane}, fed
	 * the plane's runs in order, returned in plane order (so combining them in
	 * order gives the same bits whatever the number of threads).
	 * {@code other} may be null.
	 */
	public static <A> List<A> scanRuns(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends RealType<?>> other, final Supplier<A> perPlane, final RunScan<A> f)
	{
		requireThreeD(image);
		if (other != null) requireSameSize(image, other);
		final RunSource a = new RunSource(image);
		final RunSource b = other == null ? null : new RunSource(other);
		return Parallelization.getTaskExecutor().forEachApply(planeIndices(image), z -> {
			final A acc = perPlane.get();
			if (b == null) a.forEachRun(z, (values, none, len, at) -> f.scan(acc, values, null, len));
			else a.forEachRun(z, b, (values, o, len, at) -> f.scan(acc, values, o, len));
			return acc;
		});
	}

	/**
	 * The smallest and largest value of the image, NaN ignored ({+inf, -inf} if
	 * every voxel is NaN), in one pass: what a display range or a min-max rescale
	 * needs, without the sums of full statistics. For 8- and 16-bit images the
	 * pass only marks which stored values occur; other planar ones are read from
	 * their arrays.
	 */
	public static double[] range(final RandomAccessibleInterval<? extends RealType<?>> image) {
		requireThreeD(image);
		final double[] range = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
		final List<double[]> perPlane;
		final StoredPlanes stored = StoredPlanes.of(image).orElse(null);
		if (stored != null && stored.tableSize() > 0) {
			// which stored values occur, then the extremes of their physical values (a negative slope
			// turns the largest stored value into the smallest); a set union, so any thread count agrees
			final List<byte[]> tables = new ArrayList<>();
			final ThreadLocal<byte[]> seen = ThreadLocal.withInitial(() -> {
				final byte[] t = new byte[stored.tableSize()];
				synchronized (tables) {
					tables.add(t);
				}
				return t;
			});
			Parallelization.getTaskExecutor().forEach(planeIndices(image), z -> stored.markPresent(stored.plane(z), seen.get()));
			final double[] values = stored.tableValues();
			for (int k = 0; k < values.length; k++) {
				boolean present = false;
				for (final byte[] t : tables) present |= t[k] != 0;
				if (!present) continue;
				range[0] = Math.min(range[0], values[k]);
				range[1] = Math.max(range[1], values[k]);
			}
			return range;
		}
		final int n = planeSize(image);
		if (stored != null) {
			final ThreadLocal<double[]> buffer = ThreadLocal.withInitial(() -> new double[RUN]);
			perPlane = Parallelization.getTaskExecutor().forEachApply(planeIndices(image), z -> {
				final double[] r = { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY };
				stored.range(stored.plane(z), n, buffer.get(), r);
				return r;
			});
		}
		else perPlane = scanRuns(image, null, () -> new double[] { Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }, (r, v, none, len) -> {
			for (int i = 0; i < len; i++) {
				if (v[i] < r[0]) r[0] = v[i];
				if (v[i] > r[1]) r[1] = v[i];
			}
		});
		for (final double[] r : perPlane) {
			range[0] = Math.min(range[0], r[0]);
			range[1] = Math.max(range[1], r[1]);
		}
		return range;
	}

	/** A stretch of consecutive voxels of a plane, {@code from} inclusive to {@code to} exclusive. */
	@FunctionalInterface
	interface Stretch {
		void accept(int from, int to);
	}

	/** The stretches of a plane where a mask is non-zero, for counting only selected voxels. */
	static final class MaskRuns {
		private final RunSource mask;

		MaskRuns(final RandomAccessibleInterval<? extends RealType<?>> mask) {
			this.mask = new RunSource(mask);
		}

		void forEachSelected(final int z, final Stretch s) {
			mask.forEachRun(z, (m, none, len, at) -> {
				int i = 0;
				while (i < len) {
					while (i < len && m[i] == 0) i++;
					final int start = i;
					while (i < len && m[i] != 0) i++;
					if (i > start) s.accept(at + start, at + i);
				}
			});
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static <T extends NativeType<T>, A extends ArrayDataAccess<A>> PlanarImg<T, A> planar(final A[] planes, final Interval image, final T type) {
		final PlanarImg<T, A> img = new PlanarImg<>(Arrays.asList(planes), image.dimensionsAsLongArray(), new Fraction());
		img.setLinkedType((T) type.getNativeTypeFactory().createLinkedType((NativeImg) img));
		return img;
	}

	/** A run handed to {@link RunSource#forEachRun}: voxels {@code at .. at + n} of the plane. */
	@FunctionalInterface
	private interface RunConsumer {
		void accept(double[] values, double[] other, int n, int at);
	}

	/**
	 * Reads a plane in runs of {@link #RUN} voxels into per-thread buffers: straight
	 * from the stored arrays when the image is planar, else from a whole plane read
	 * the general way.
	 */
	private static final class RunSource {
		private final StoredPlanes stored;
		private final PlaneReader reader;
		private final int n;
		private final ThreadLocal<double[]> run = ThreadLocal.withInitial(() -> new double[RUN]);

		RunSource(final RandomAccessibleInterval<? extends RealType<?>> image) {
			this.stored = StoredPlanes.of(image).orElse(null);
			this.reader = stored == null ? new PlaneReader(image) : null;
			this.n = planeSize(image);
		}

		void forEachRun(final int z, final RunConsumer c) {
			final PlaneRuns p = runs(z);
			for (int at = 0; at < n; at += RUN) {
				final int len = Math.min(RUN, n - at);
				c.accept(p.read(at, len), null, len, at);
			}
		}

		void forEachRun(final int z, final RunSource other, final RunConsumer c) {
			final PlaneRuns p = runs(z), q = other.runs(z);
			for (int at = 0; at < n; at += RUN) {
				final int len = Math.min(RUN, n - at);
				c.accept(p.read(at, len), q.read(at, len), len, at);
			}
		}

		private PlaneRuns runs(final int z) {
			final double[] buffer = run.get();
			if (stored != null) {
				final Object plane = stored.plane(z);
				return (at, len) -> {
					stored.read(plane, at, len, buffer);
					return buffer;
				};
			}
			final double[] plane = reader.read(z);
			return (at, len) -> {
				System.arraycopy(plane, at, buffer, 0, len);
				return buffer;
			};
		}
	}

	/** Runs of one plane, read in order. */
	@FunctionalInterface
	private interface PlaneRuns {
		double[] read(int at, int len);
	}

	/** Fills an 8-bit output plane (values as unsigned bytes) from the input plane. */
	@FunctionalInterface
	public interface BytePlaneWriter {
		void write(int z, double[] in, byte[] out);
	}

	/** Fills the output plane from the input plane; {@code in} is valid only during the call (it is reused). */
	@FunctionalInterface
	public interface PlaneWriter {
		void write(int z, double[] in, float[] out);
	}

	/** The number of voxels in one z plane, checked to fit in an array. */
	public static int planeSize(final Interval image) {
		final long n = image.dimension(0) * image.dimension(1);
		if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("a z plane of " + image.dimension(0) + " x " + image.dimension(1) + " voxels is too large");
		return (int) n;
	}

	public static void requireSameSize(final Interval a, final Interval b) {
		for (int d = 0; d < Math.max(a.numDimensions(), b.numDimensions()); d++) {
			if (a.numDimensions() != b.numDimensions() || a.dimension(d) != b.dimension(d))
				throw new IllegalArgumentException("image sizes do not match: " + sizeString(a) + " vs " + sizeString(b));
		}
	}

	public static String sizeString(final Interval i) {
		final StringBuilder sb = new StringBuilder();
		for (int d = 0; d < i.numDimensions(); d++) sb.append(d == 0 ? "" : "x").append(i.dimension(d));
		return sb.toString();
	}

	private static void requireThreeD(final Interval image) {
		if (image.numDimensions() != 3) throw new IllegalArgumentException("expected a 3D image, got " + image.numDimensions() + " dimensions");
		planeSize(image);
	}

	private static List<Integer> planeIndices(final Interval image) {
		return zIndices((int) image.dimension(2));
	}

	/** 0..nz-1, the tasks of a plane-parallel loop on {@link Parallelization}'s executor. */
	public static List<Integer> zIndices(final int nz) {
		final List<Integer> zs = new ArrayList<>(nz);
		for (int z = 0; z < nz; z++) zs.add(z);
		return zs;
	}

	/**
	 * Copies z planes of any real-valued image into fresh double arrays; safe to use
	 * from several threads. A {@link LinearRescale} view is read through its stored
	 * data (fast block copies) and rescaled here.
	 */
	private static final class PlaneReader {
		private final StoredPlanes stored;
		private final PrimitiveBlocks<DoubleType> blocks;
		private final long[] min;
		private final int[] size;
		private final double slope, intercept;
		private final boolean floatView;

		PlaneReader(final RandomAccessibleInterval<? extends RealType<?>> image) {
			this.stored = StoredPlanes.of(image).orElse(null);
			final Optional<LinearRescale<?, ?>> rescale = LinearRescale.of(image);
			final RandomAccessibleInterval<? extends RealType<?>> source = rescale.isPresent() ? LinearRescale.storedOf(image) : image;
			this.slope = rescale.map(LinearRescale::slope).orElse(1.0);
			this.intercept = rescale.map(LinearRescale::intercept).orElse(0.0);
			this.floatView = rescale.isPresent() && Util.getTypeFromInterval(image) instanceof FloatType; // rounded as the view rounds
			final RandomAccessibleInterval<DoubleType> asDouble = RealTypeConverters.convert(source, new DoubleType());
			this.blocks = PrimitiveBlocks.of(asDouble, PrimitiveBlocks.OnFallback.ACCEPT).threadSafe();
			this.min = source.minAsLongArray();
			this.size = new int[] { (int) image.dimension(0), (int) image.dimension(1), 1 };
			final int n = size[0] * size[1];
			this.shared = ThreadLocal.withInitial(() -> new double[n]);
		}

		/** Each worker thread's own plane buffer, for reads whose values are not kept. */
		private final ThreadLocal<double[]> shared;

		double[] read(final int z) {
			return read(z, new double[size[0] * size[1]]);
		}

		double[] readShared(final int z) {
			return read(z, shared.get());
		}

		private double[] read(final int z, final double[] plane) {
			if (stored != null) {
				stored.read(stored.plane(z), 0, plane.length, plane);
				return plane;
			}
			blocks.copy(new long[] { min[0], min[1], min[2] + z }, plane, size);
			if (floatView) for (int i = 0; i < plane.length; i++) plane[i] = (float) (intercept + slope * plane[i]);
			else if (slope != 1 || intercept != 0)
				for (int i = 0; i < plane.length; i++) plane[i] = intercept + slope * plane[i];
			return plane;
		}
	}
}
