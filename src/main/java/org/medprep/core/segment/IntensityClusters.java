package org.medprep.core.segment;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * K-means clusters of the selected voxels' intensities: labels 1..K in order
 * of increasing centre (0 = not selected), centres and sizes in the image's
 * intensity units.
 */
public final class IntensityClusters {

	private final PlanarImg<UnsignedByteType, ByteArray> labels;
	private final double[] centers;
	private final long[] sizes;
	private final double[] thresholds;
	private final double mean;
	private final double std;
	private final double inertia;
	private final int iterations;

	IntensityClusters(final PlanarImg<UnsignedByteType, ByteArray> labels, final double[] centers, final long[] sizes, final double[] thresholds,
		final double mean, final double std, final double inertia, final int iterations)
	{
		this.labels = labels;
		this.centers = centers;
		this.sizes = sizes;
		this.thresholds = thresholds;
		this.mean = mean;
		this.std = std;
		this.inertia = inertia;
		this.iterations = iterations;
	}

	/** Label image: 0 outside the selection, cluster c at label c + 1 (clusters sorted by centre). */
	public PlanarImg<UnsignedByteType, ByteArray> labels() { return labels; }

	public int k() { return centers.length; }

	/** Centre (= mean intensity) of each cluster, ascending, in image units. */
	public double[] centers() { return centers.clone(); }

	/** Voxels in each cluster. */
	public long[] sizes() { return sizes.clone(); }

	/** The K - 1 intensities between clusters: voxels above thresholds[c - 1] and up to thresholds[c] are cluster c. */
	public double[] thresholds() { return thresholds.clone(); }

	/** Mean and population standard deviation of the selected intensities (the standardization). */
	public double mean() { return mean; }
	public double std() { return std; }

	/** Inertia of the standardized intensities, as scikit-learn reports it on the standardized data. */
	public double inertia() { return inertia; }

	/** The same inertia in squared image units (inertia times std squared). */
	public double inertiaInImageUnits() { return inertia * std * std; }

	public int iterations() { return iterations; }
}
