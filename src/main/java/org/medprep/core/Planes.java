package org.medprep.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.RealTypeConverters;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.DoubleType;
import net.imglib2.type.numeric.real.FloatType;

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
		private final PrimitiveBlocks<DoubleType> blocks;
		private final long[] min;
		private final int[] size;
		private final double slope, intercept;

		PlaneReader(final RandomAccessibleInterval<? extends RealType<?>> image) {
			final Optional<LinearRescale<?, ?>> rescale = LinearRescale.of(image);
			final RandomAccessibleInterval<? extends RealType<?>> source = rescale.isPresent() ? LinearRescale.storedOf(image) : image;
			this.slope = rescale.map(LinearRescale::slope).orElse(1.0);
			this.intercept = rescale.map(LinearRescale::intercept).orElse(0.0);
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
			blocks.copy(new long[] { min[0], min[1], min[2] + z }, plane, size);
			if (slope != 1 || intercept != 0)
				for (int i = 0; i < plane.length; i++) plane[i] = intercept + slope * plane[i];
			return plane;
		}
	}
}
