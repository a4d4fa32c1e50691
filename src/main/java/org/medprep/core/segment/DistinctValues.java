package org.medprep.core.segment;

import java.util.Arrays;

/**
 * The distinct values of a sample with their counts, ascending: the compact
 * form in which millions of voxel intensities are clustered (16-bit data has
 * at most 65536 distinct values). Integer-valued data over a modest range is
 * counted directly; anything else is sorted.
 */
public final class DistinctValues {

	/** Integer ranges up to this size are counted in an array instead of sorting. */
	private static final long COUNTING_RANGE = 1 << 22;

	private final double[] values;
	private final double[] counts;
	private final long total;

	private DistinctValues(final double[] values, final double[] counts, final long total) {
		this.values = values;
		this.counts = counts;
		this.total = total;
	}

	/** @throws IllegalArgumentException for NaN or infinite values */
	public static DistinctValues of(final double[] sample) {
		if (sample.length == 0) return new DistinctValues(new double[0], new double[0], 0);
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		boolean integers = true;
		for (final double v : sample) {
			if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException("cannot cluster non-finite intensity " + v);
			if (v < min) min = v;
			if (v > max) max = v;
			if (integers && v != Math.rint(v)) integers = false;
		}
		if (integers && max - min < COUNTING_RANGE) {
			final int range = (int) (max - min) + 1;
			final long[] hist = new long[range];
			for (final double v : sample) hist[(int) (v - min)]++;
			int distinct = 0;
			for (final long h : hist) if (h != 0) distinct++;
			final double[] values = new double[distinct], counts = new double[distinct];
			int j = 0;
			for (int i = 0; i < range; i++)
				if (hist[i] != 0) {
					values[j] = min + i;
					counts[j++] = hist[i];
				}
			return new DistinctValues(values, counts, sample.length);
		}
		final double[] sorted = sample.clone();
		Arrays.sort(sorted);
		int distinct = 0;
		for (int i = 0; i < sorted.length; i++) if (i == 0 || sorted[i] != sorted[i - 1]) distinct++;
		final double[] values = new double[distinct], counts = new double[distinct];
		int j = -1;
		for (int i = 0; i < sorted.length; i++) {
			if (i == 0 || sorted[i] != sorted[i - 1]) values[++j] = sorted[i];
			counts[j]++;
		}
		return new DistinctValues(values, counts, sample.length);
	}

	/** The distinct values, ascending (a copy). */
	public double[] values() { return values.clone(); }

	/** How often each value occurs (a copy). */
	public double[] counts() { return counts.clone(); }

	public int size() { return values.length; }

	/** The number of samples. */
	public long total() { return total; }

	public double mean() {
		double s = 0;
		for (int i = 0; i < values.length; i++) s += counts[i] * values[i];
		return s / total;
	}

	/** Population standard deviation (numpy's std, ddof = 0). */
	public double std() {
		final double mean = mean();
		double s = 0;
		for (int i = 0; i < values.length; i++) s += counts[i] * (values[i] - mean) * (values[i] - mean);
		return Math.sqrt(s / total);
	}
}
