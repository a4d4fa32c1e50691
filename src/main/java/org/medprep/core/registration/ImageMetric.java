package org.medprep.core.registration;

/**
 * A cost to minimise over the points of a {@link SamplePass}, with its
 * gradient with respect to the transform parameters.
 */
abstract class ImageMetric {

	/**
	 * @param gradient filled with d cost / d parameters, or null for the value only
	 * @return the cost; NaN when no point is valid
	 */
	abstract double evaluate(SamplePass pass, double[] gradient);

	/** Sums per-chunk partial vectors in chunk order into {@code out} (cleared first). */
	static void sum(final Iterable<double[]> partials, final double[] out) {
		java.util.Arrays.fill(out, 0);
		for (final double[] p : partials)
			for (int i = 0; i < out.length; i++) out[i] += p[i];
	}

	static ImageMetric of(final MetricType type, final int bins, final double[] fixedRange, final double[] movingRange) {
		switch (type) {
			case MATTES_MI: return new MattesMutualInformation(bins, fixedRange, movingRange);
			case MEAN_SQUARES: return new MeanSquares();
			default: return new NormalizedCorrelation();
		}
	}
}
