package org.medprep.core.segment;

import java.util.List;
import java.util.function.BooleanSupplier;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

import org.medprep.core.Planes;
import org.medprep.core.ProgressListener;
import org.medprep.core.VoxelSelection;

/**
 * K-means of voxel intensities as the knee-MRI study did it: the selected
 * intensities are standardized ((x - mean) / std, population std), clustered
 * with {@link KMeans} (via their distinct values and counts, so millions of
 * voxels cost almost nothing), and the centres mapped back to image units.
 * Labels are numbered by increasing centre, so label numbers are stable.
 */
public final class IntensityClustering {

	/** Label images are 8-bit. */
	public static final int MAX_K = 255;

	private IntensityClustering() {}

	public static IntensityClusters cluster(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection,
		final KMeansParameters p)
	{
		return cluster(image, selection, p, ProgressListener.NONE, () -> false);
	}

	/**
	 * @throws IllegalArgumentException for an empty selection, K above the number of distinct selected
	 *         intensities or above 255
	 */
	public static IntensityClusters cluster(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection,
		final KMeansParameters p, final ProgressListener progress, final BooleanSupplier cancelled)
	{
		if (p.k() > MAX_K) throw new IllegalArgumentException("K = " + p.k() + " is more than the " + MAX_K + " labels an 8-bit label image holds");
		final DistinctValues dv = DistinctValues.of(selectedValues(image, selection));
		if (dv.total() == 0) throw new IllegalArgumentException("no voxels to cluster: " + selection.describe() + " selects no voxel" + (selection.kind() == VoxelSelection.Kind.MASK ? " (the mask is empty)" : ""));
		if (p.k() > dv.size())
			throw new IllegalArgumentException("K = " + p.k() + " is larger than the number of distinct intensities (" + dv.size() + ") in " + selection.describe());
		final double mean = dv.mean();
		final double std = dv.std();
		final double scale = std > 0 ? std : 1; // one distinct value (K = 1): nothing to standardize
		final double[] z = dv.values();
		for (int i = 0; i < z.length; i++) z[i] = (z[i] - mean) / scale;
		final KMeansResult km = KMeans.fit1D(z, dv.counts(), p, progress, cancelled);
		final int k = km.k();
		final double[] centers = new double[k];
		final long[] sizes = new long[k];
		final double[] weights = km.clusterWeights();
		for (int c = 0; c < k; c++) {
			centers[c] = km.center(c, 0) * scale + mean;
			sizes[c] = Math.round(weights[c]);
		}
		// cluster boundaries in image units: the largest value of each cluster below the next
		final double[] values = dv.values();
		final int[] labels = km.labels();
		final double[] thresholds = new double[k - 1];
		for (int i = 0; i + 1 < values.length; i++)
			if (labels[i + 1] != labels[i]) thresholds[labels[i]] = values[i];
		final PlanarImg<UnsignedByteType, ByteArray> out = label(image, selection, values, labels);
		return new IntensityClusters(out, centers, sizes, thresholds, mean, std, km.inertia(), km.iterations());
	}

	/** The selected voxel intensities, plane by plane. */
	static double[] selectedValues(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection) {
		final List<double[]> planes = Planes.map(image, selection.maskImage(), (z, v, m) -> {
			int n = 0;
			for (int i = 0; i < v.length; i++) if (selection.test(v[i], m, i)) n++;
			final double[] out = new double[n];
			n = 0;
			for (int i = 0; i < v.length; i++) if (selection.test(v[i], m, i)) out[n++] = v[i];
			return out;
		});
		int total = 0;
		for (final double[] p : planes) total = Math.addExact(total, p.length);
		final double[] all = new double[total];
		int o = 0;
		for (final double[] p : planes) {
			System.arraycopy(p, 0, all, o, p.length);
			o += p.length;
		}
		return all;
	}

	/** Writes label c + 1 for each selected voxel whose value is values[i] with labels[i] = c. */
	private static PlanarImg<UnsignedByteType, ByteArray> label(final RandomAccessibleInterval<? extends RealType<?>> image,
		final VoxelSelection selection, final double[] values, final int[] labels)
	{
		final PlanarImg<UnsignedByteType, ByteArray> out = PlanarImgs.unsignedBytes(image.dimensionsAsLongArray());
		Planes.map(image, selection.maskImage(), (z, v, m) -> {
			final byte[] plane = out.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < v.length; i++) {
				if (!selection.test(v[i], m, i)) continue;
				final int idx = java.util.Arrays.binarySearch(values, v[i]);
				plane[i] = (byte) (labels[idx] + 1);
			}
			return null;
		});
		return out;
	}
}
