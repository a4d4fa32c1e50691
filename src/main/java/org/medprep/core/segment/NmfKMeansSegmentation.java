package org.medprep.core.segment;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.real.FloatType;

import org.medprep.core.Planes;
import org.medprep.core.ProgressListener;
import org.medprep.core.VoxelSelection;

/**
 * The knee-MRI study's segmentation of a slice stack:
 * <ol>
 * <li>the matrix X with one column per z slice (each slice flattened, x fastest:
 * X has shape (pixels per slice, slices), as the study built it) is factorized
 * by {@link Nmf}; the columns of W reshaped to slices are the basis images;</li>
 * <li>a foreground mask ({@link ForegroundMask}) of the image;</li>
 * <li>the foreground intensities (of the image, or of the NMF reconstruction W H)
 * are standardized and clustered into K by {@link IntensityClustering};</li>
 * <li>the label image keeps clusters kmin..kmax (numbered by increasing
 * intensity); optionally an inverted image of the kept voxels.</li>
 * </ol>
 */
public final class NmfKMeansSegmentation {

	private NmfKMeansSegmentation() {}

	public static SegmentationResult run(final RandomAccessibleInterval<? extends RealType<?>> image, final SegmentationParameters p) {
		return run(image, p, ProgressListener.NONE, () -> false);
	}

	/**
	 * @throws IllegalArgumentException for negative intensities (NMF), an empty foreground, K above the number
	 *         of distinct foreground intensities, n_components above min(pixels per slice, slices)
	 * @throws CancellationException when {@code cancelled} turns true (checked between iterations and stages)
	 */
	public static SegmentationResult run(final RandomAccessibleInterval<? extends RealType<?>> image, final SegmentationParameters p,
		final ProgressListener progress, final BooleanSupplier cancelled)
	{
		final int nx = (int) image.dimension(0), ny = (int) image.dimension(1), nz = (int) image.dimension(2);
		final Matrix x = sliceMatrix(image);
		final NmfResult nmf = Nmf.factorize(x, p.nmf(), (done, total, msg) -> progress.progress(done, total, msg), cancelled);
		final PlanarImg<FloatType, FloatArray> basis = basisImages(nmf.w(), nx, ny);
		if (cancelled.getAsBoolean()) throw new CancellationException("segmentation cancelled after the NMF");

		progress.progress(0, 1, "foreground mask");
		final PlanarImg<UnsignedByteType, ByteArray> foreground = ForegroundMask.compute(image, p.foreground(), p.threshold());
		if (cancelled.getAsBoolean()) throw new CancellationException("segmentation cancelled after the foreground mask");

		final RandomAccessibleInterval<? extends RealType<?>> source = p.source() == ClusterSource.ORIGINAL ? image : reconstruction(nmf, nx, ny, nz);
		final IntensityClusters clusters;
		try {
			clusters = IntensityClustering.cluster(zeroMin(source), VoxelSelection.mask(foreground), p.kmeans(), progress, cancelled);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("foreground clustering: " + e.getMessage().replace("the mask", "the foreground mask"), e);
		}
		final PlanarImg<UnsignedByteType, ByteArray> labels = PlanarImgs.unsignedBytes(nx, ny, nz);
		for (int z = 0; z < nz; z++) {
			final byte[] in = clusters.labels().getPlane(z).getCurrentStorageArray();
			final byte[] out = labels.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < in.length; i++) {
				final int l = in[i] & 0xff;
				if (l >= p.kmin() && l <= p.kmax()) out[i] = (byte) l;
			}
		}
		final PlanarImg<FloatType, FloatArray> inverted = p.inverted() ? inverted(source, labels) : null;
		return new SegmentationResult(nmf, basis, foreground, clusters, labels, inverted);
	}

	/** X[y * nx + x][z] = image(x, y, z): one column per slice. */
	public static Matrix sliceMatrix(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final int pixels = Planes.planeSize(image), nz = (int) image.dimension(2);
		final double[] data = new double[Math.multiplyExact(pixels, nz)];
		final long[] min = image.minAsLongArray();
		final int nx = (int) image.dimension(0);
		Planes.map(image, (z, v) -> {
			for (int i = 0; i < v.length; i++) {
				if (!(v[i] >= 0)) throw new IllegalArgumentException("NMF needs non-negative intensities; voxel (" + (min[0] + i % nx) + ", " + (min[1] + i / nx) + ", " + (min[2] + z) + ") is " + v[i]);
				data[i * nz + z] = v[i];
			}
			return null;
		});
		return new Matrix(pixels, nz, data);
	}

	/** The columns of W (pixels x k) as k slices of nx by ny. */
	public static PlanarImg<FloatType, FloatArray> basisImages(final Matrix w, final int nx, final int ny) {
		final int k = w.cols();
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(nx, ny, k);
		for (int c = 0; c < k; c++) {
			final float[] plane = out.getPlane(c).getCurrentStorageArray();
			for (int i = 0; i < plane.length; i++) plane[i] = (float) w.get(i, c);
		}
		return out;
	}

	private static PlanarImg<FloatType, FloatArray> reconstruction(final NmfResult nmf, final int nx, final int ny, final int nz) {
		final Matrix w = nmf.w(), h = nmf.h();
		final int k = w.cols();
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(nx, ny, nz);
		for (int z = 0; z < nz; z++) {
			final float[] plane = out.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < plane.length; i++) {
				double v = 0;
				for (int c = 0; c < k; c++) v += w.get(i, c) * h.get(c, z);
				plane[i] = (float) v;
			}
		}
		return out;
	}

	private static PlanarImg<FloatType, FloatArray> inverted(final RandomAccessibleInterval<? extends RealType<?>> source, final PlanarImg<UnsignedByteType, ByteArray> labels) {
		final List<double[]> range = Planes.map(source, labels, (z, v, m) -> {
			double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			for (int i = 0; i < v.length; i++) if (m[i] != 0) { lo = Math.min(lo, v[i]); hi = Math.max(hi, v[i]); }
			return new double[] { lo, hi };
		});
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final double[] r : range) { lo = Math.min(lo, r[0]); hi = Math.max(hi, r[1]); }
		final double sum = lo + hi;
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(source.dimensionsAsLongArray());
		Planes.map(source, labels, (z, v, m) -> {
			final float[] plane = out.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < v.length; i++) if (m[i] != 0) plane[i] = (float) (sum - v[i]);
			return null;
		});
		return out;
	}

	/** The source with a zero-based interval, so it aligns with the zero-based mask and label images. */
	private static RandomAccessibleInterval<? extends RealType<?>> zeroMin(final RandomAccessibleInterval<? extends RealType<?>> img) {
		return net.imglib2.view.Views.zeroMin(img);
	}
}
