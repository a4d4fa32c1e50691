package org.medprep.core.normalize;

import java.util.Arrays;

/**
 * A learned Nyúl &amp; Udupa standard scale: the percentiles that define the
 * landmarks and the standard-scale value of each, plus the output range the
 * training images' end landmarks were mapped to. Stored as a small JSON file
 * ({@code io.models.NyulScaleFile}):
 * <pre>
 * {
 *   "format": "medprep-nyul-standard-scale",
 *   "version": 1,
 *   "percentiles": [1, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99],
 *   "standard_scale": [1, 9.1, ...],
 *   "output_min": 1,
 *   "output_max": 100,
 *   "training_images": 5
 * }
 * </pre>
 */
public final class NyulStandardScale {

	public static final String FORMAT = "medprep-nyul-standard-scale";
	public static final int VERSION = 1;

	private final double[] percentiles;
	private final double[] scale;
	private final double outputMin;
	private final double outputMax;
	private final int trainingImages;

	/**
	 * @throws IllegalArgumentException unless there are at least 2 strictly increasing percentiles in [0, 100], a
	 *         strictly increasing scale of the same length, and outputMin &lt; outputMax
	 */
	public NyulStandardScale(final double[] percentiles, final double[] scale, final double outputMin, final double outputMax,
		final int trainingImages)
	{
		checkPercentiles(percentiles);
		if (scale.length != percentiles.length)
			throw new IllegalArgumentException("standard scale has " + scale.length + " values for " + percentiles.length + " percentiles");
		for (int i = 0; i < scale.length; i++) {
			if (!Double.isFinite(scale[i])) throw new IllegalArgumentException("standard scale value " + i + " is not finite: " + scale[i]);
			if (i > 0 && !(scale[i] > scale[i - 1])) throw new IllegalArgumentException("standard scale must increase strictly, got " + Arrays.toString(scale));
		}
		if (!(outputMin < outputMax)) throw new IllegalArgumentException("output minimum must be below the maximum, got " + outputMin + " and " + outputMax);
		if (trainingImages < 1) throw new IllegalArgumentException("a standard scale needs at least 1 training image, got " + trainingImages);
		this.percentiles = percentiles.clone();
		this.scale = scale.clone();
		this.outputMin = outputMin;
		this.outputMax = outputMax;
		this.trainingImages = trainingImages;
	}

	/** intensity-normalization's default landmarks: 1, 10, 20, ..., 90, 99. */
	public static double[] defaultPercentiles() {
		return percentiles(1, 99, 10, 90, 10);
	}

	/**
	 * {@code [min, after, after + step, ..., before, max]} as intensity-normalization's
	 * {@code NyulNormalize.percentiles} builds them.
	 *
	 * @throws IllegalArgumentException unless min &lt; after &lt;= before &lt; max within [0, 100] and step &gt; 0
	 */
	public static double[] percentiles(final double min, final double max, final double after, final double before, final double step) {
		if (!(step > 0)) throw new IllegalArgumentException("percentile step must be > 0, got " + step);
		if (!(0 <= min && min < after && after <= before && before < max && max <= 100))
			throw new IllegalArgumentException("percentiles must satisfy 0 <= min < after <= before < max <= 100, got min " + min + ", after " + after
				+ ", before " + before + ", max " + max);
		final int inner = (int) Math.floor((before - after) / step + 1e-9) + 1;
		final double[] p = new double[inner + 2];
		p[0] = min;
		for (int i = 0; i < inner; i++) p[i + 1] = after + i * step;
		p[inner + 1] = max;
		checkPercentiles(p);
		return p;
	}

	static void checkPercentiles(final double[] p) {
		if (p.length < 2) throw new IllegalArgumentException("at least 2 landmark percentiles are needed, got " + p.length);
		for (int i = 0; i < p.length; i++) {
			if (!(p[i] >= 0 && p[i] <= 100)) throw new IllegalArgumentException("landmark percentile must be within [0, 100], got " + p[i]);
			if (i > 0 && !(p[i] > p[i - 1])) throw new IllegalArgumentException("landmark percentiles must increase strictly, got " + Arrays.toString(p));
		}
	}

	public double[] percentiles() { return percentiles.clone(); }
	public double[] scale() { return scale.clone(); }
	public double outputMin() { return outputMin; }
	public double outputMax() { return outputMax; }
	public int trainingImages() { return trainingImages; }

	@Override
	public String toString() {
		return "Nyul standard scale " + Arrays.toString(scale) + " at percentiles " + Arrays.toString(percentiles);
	}
}
