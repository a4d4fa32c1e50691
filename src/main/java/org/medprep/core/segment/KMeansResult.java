package org.medprep.core.segment;

/**
 * The best of the k-means restarts. Clusters are numbered by their centres in
 * ascending order (first coordinate first), so the numbering is stable.
 */
public final class KMeansResult {

	private final int dimensions;
	private final double[] centers;
	private final double[] weights;
	private final int[] labels;
	private final double inertia;
	private final int iterations;

	KMeansResult(final int dimensions, final double[] centers, final double[] weights, final int[] labels, final double inertia, final int iterations) {
		this.dimensions = dimensions;
		this.centers = centers;
		this.weights = weights;
		this.labels = labels;
		this.inertia = inertia;
		this.iterations = iterations;
	}

	public int k() { return weights.length; }
	public int dimensions() { return dimensions; }

	/** Centre of cluster {@code c} (0-based), coordinate {@code d}. */
	public double center(final int c, final int d) { return centers[c * dimensions + d]; }

	/** All centres, row-major k x dimensions (a copy). */
	public double[] centers() { return centers.clone(); }

	/** Total weight (number of samples, or voxels) in each cluster. */
	public double[] clusterWeights() { return weights.clone(); }

	/** The cluster (0-based) of each input point (a copy). */
	public int[] labels() { return labels.clone(); }

	/** Weighted sum of squared distances to the closest centre, as scikit-learn's inertia_. */
	public double inertia() { return inertia; }

	/** Lloyd iterations of the best restart, as scikit-learn's n_iter_. */
	public int iterations() { return iterations; }
}
