package org.medprep.core.segment;

/**
 * Settings of {@link NmfKMeansSegmentation} (immutable). Defaults: the study's
 * NMF settings with 3 components, Otsu premask + row fill, K = 4 clusters of
 * the original intensities keeping clusters 2..4, no inverted image.
 */
public final class SegmentationParameters {

	private final NmfParameters nmf;
	private final ForegroundMethod foreground;
	private final double threshold;
	private final KMeansParameters kmeans;
	private final ClusterSource source;
	private final int kmin;
	private final int kmax;
	private final boolean inverted;

	private SegmentationParameters(final NmfParameters nmf, final ForegroundMethod foreground, final double threshold, final KMeansParameters kmeans,
		final ClusterSource source, final int kmin, final int kmax, final boolean inverted)
	{
		if (nmf == null || foreground == null || kmeans == null || source == null) throw new IllegalArgumentException("segmentation settings must not be null");
		if (kmin < 1 || kmax > kmeans.k() || kmin > kmax)
			throw new IllegalArgumentException("clusters to keep must satisfy 1 <= kmin <= kmax <= K = " + kmeans.k() + ", got kmin = " + kmin + ", kmax = " + kmax);
		this.nmf = nmf;
		this.foreground = foreground;
		this.threshold = threshold;
		this.kmeans = kmeans;
		this.source = source;
		this.kmin = kmin;
		this.kmax = kmax;
		this.inverted = inverted;
	}

	public static SegmentationParameters defaults() {
		return new SegmentationParameters(NmfParameters.study(3), ForegroundMethod.ROW_FILL, Double.NaN, KMeansParameters.of(4), ClusterSource.ORIGINAL, 2, 4, false);
	}

	public NmfParameters nmf() { return nmf; }
	public ForegroundMethod foreground() { return foreground; }
	/** Premask threshold (value > threshold); NaN = Otsu's. */
	public double threshold() { return threshold; }
	public KMeansParameters kmeans() { return kmeans; }
	public ClusterSource source() { return source; }
	/** First kept cluster, 1-based in order of increasing intensity. */
	public int kmin() { return kmin; }
	/** Last kept cluster, 1-based. */
	public int kmax() { return kmax; }
	public boolean inverted() { return inverted; }

	public SegmentationParameters withNmf(final NmfParameters v) { return new SegmentationParameters(v, foreground, threshold, kmeans, source, kmin, kmax, inverted); }
	public SegmentationParameters withForeground(final ForegroundMethod v) { return new SegmentationParameters(nmf, v, threshold, kmeans, source, kmin, kmax, inverted); }
	public SegmentationParameters withThreshold(final double v) { return new SegmentationParameters(nmf, foreground, v, kmeans, source, kmin, kmax, inverted); }
	/** Sets K (and the kept range, which must fit in it). */
	public SegmentationParameters withKMeans(final KMeansParameters v, final int kmin, final int kmax) { return new SegmentationParameters(nmf, foreground, threshold, v, source, kmin, kmax, inverted); }
	public SegmentationParameters withSource(final ClusterSource v) { return new SegmentationParameters(nmf, foreground, threshold, kmeans, v, kmin, kmax, inverted); }
	public SegmentationParameters withInverted(final boolean v) { return new SegmentationParameters(nmf, foreground, threshold, kmeans, source, kmin, kmax, v); }
}
