package org.medprep.core.spatial;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.converter.RealTypeConverters;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/** Whole 3D images as one float array (x fastest), read plane by plane in parallel. */
public final class FloatVolumes {

	private FloatVolumes() {}

	/** @throws IllegalArgumentException if the image is not 3D or does not fit in one array */
	public static int[] size(final net.imglib2.Interval image) {
		if (image.numDimensions() != 3) throw new IllegalArgumentException("expected a 3D image, got " + image.numDimensions() + " dimensions");
		final long total = image.dimension(0) * image.dimension(1) * image.dimension(2);
		if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("image of " + total + " voxels does not fit in one array");
		return new int[] { (int) image.dimension(0), (int) image.dimension(1), (int) image.dimension(2) };
	}

	/**
	 * Thread-safe float blocks of the image. A float image is read as it is (plain
	 * array copies): wrapped in an identity converter, it would be copied value by
	 * value through the converter instead.
	 */
	@SuppressWarnings("unchecked")
	static PrimitiveBlocks<FloatType> floatBlocks(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final RandomAccessibleInterval<FloatType> floats = Util.getTypeFromInterval(image) instanceof FloatType
			? (RandomAccessibleInterval<FloatType>) image
			: RealTypeConverters.convert(image, new FloatType());
		return PrimitiveBlocks.of(floats, PrimitiveBlocks.OnFallback.ACCEPT).threadSafe();
	}

	public static float[] read(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int[] n = size(image);
		final float[] data = new float[n[0] * n[1] * n[2]];
		final int planeSize = n[0] * n[1];
		if (image instanceof PlanarImg && Util.getTypeFromInterval(image) instanceof FloatType && Views.isZeroMin(image)) {
			// float planes (an ImageJ 32-bit stack, a resampling's output) are copied as they are, several times faster
			final PlanarImg<?, ?> planar = (PlanarImg<?, ?>) image;
			for (int z = 0; z < n[2]; z++) System.arraycopy(planar.getPlane(z).getCurrentStorageArray(), 0, data, z * planeSize, planeSize);
			return data;
		}
		final PrimitiveBlocks<FloatType> blocks = floatBlocks(image);
		final long[] min = image.minAsLongArray();
		Parallelization.getTaskExecutor().forEach(PaddedSamples.range(n[2]), z -> {
			final float[] plane = new float[planeSize];
			blocks.copy(new long[] { min[0], min[1], min[2] + z }, plane, new int[] { n[0], n[1], 1 });
			System.arraycopy(plane, 0, data, z * planeSize, planeSize);
		});
		return data;
	}
}
