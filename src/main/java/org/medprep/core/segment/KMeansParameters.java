package org.medprep.core.segment;

/**
 * K-means settings with scikit-learn 1.2's names and meaning (immutable):
 * n_clusters, n_init restarts (default 10) keeping the lowest inertia,
 * max_iter (300) Lloyd iterations per restart, tol (1e-4) relative to the mean
 * per-feature variance of the data, and the seed of the k-means++ draws.
 * <p>
 * {@code exact1D} (default true) adds, for one-dimensional data of up to 4 Mi
 * distinct values, the globally optimal clustering found by dynamic
 * programming as one more candidate, so the best inertia is never worse than
 * any restart's (scikit-learn's included).
 */
public final class KMeansParameters {

	private final int k;
	private final int nInit;
	private final int maxIter;
	private final double tol;
	private final long seed;
	private final boolean exact1D;

	private KMeansParameters(final int k, final int nInit, final int maxIter, final double tol, final long seed, final boolean exact1D) {
		if (k < 1) throw new IllegalArgumentException("number of clusters K must be at least 1, got " + k);
		if (nInit < 1) throw new IllegalArgumentException("n_init must be at least 1, got " + nInit);
		if (maxIter < 1) throw new IllegalArgumentException("max_iter must be at least 1, got " + maxIter);
		if (!(tol >= 0)) throw new IllegalArgumentException("tol must be >= 0, got " + tol);
		this.k = k;
		this.nInit = nInit;
		this.maxIter = maxIter;
		this.tol = tol;
		this.seed = seed;
		this.exact1D = exact1D;
	}

	/** scikit-learn 1.2's defaults (n_init 10, max_iter 300, tol 1e-4) with seed 0. */
	public static KMeansParameters of(final int k) {
		return new KMeansParameters(k, 10, 300, 1e-4, 0, true);
	}

	public int k() { return k; }
	public int nInit() { return nInit; }
	public int maxIter() { return maxIter; }
	public double tol() { return tol; }
	public long seed() { return seed; }
	public boolean exact1D() { return exact1D; }

	public KMeansParameters withK(final int v) { return new KMeansParameters(v, nInit, maxIter, tol, seed, exact1D); }
	public KMeansParameters withNInit(final int v) { return new KMeansParameters(k, v, maxIter, tol, seed, exact1D); }
	public KMeansParameters withMaxIter(final int v) { return new KMeansParameters(k, nInit, v, tol, seed, exact1D); }
	public KMeansParameters withTol(final double v) { return new KMeansParameters(k, nInit, maxIter, v, seed, exact1D); }
	public KMeansParameters withSeed(final long v) { return new KMeansParameters(k, nInit, maxIter, tol, v, exact1D); }

	public KMeansParameters withExact1D(final boolean v) { return new KMeansParameters(k, nInit, maxIter, tol, seed, v); }

	@Override
	public String toString() {
		return "KMeans(n_clusters=" + k + ", n_init=" + nInit + ", max_iter=" + maxIter + ", tol=" + tol + ", seed=" + seed + ", exact1D=" + exact1D + ")";
	}
}
