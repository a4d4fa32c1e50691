package org.medprep.core.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongToDoubleFunction;

import org.medprep.core.FloatOrderStatistics;
import org.medprep.core.Planes;
import org.medprep.core.ValueCounts;
import org.medprep.core.VoxelSelection;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;

/**
 * Exact percentiles with numpy's default ("linear", Hyndman-Fan type 7)
 * definition: the order statistics at {@code (n - 1) * q / 100} and the one
 * above, linearly interpolated exactly as numpy's {@code _lerp} does.
 * <p>
 * Integer images (raw CT and MR, or HU views with an integer intercept) are
 * counted in a histogram: one pass, no copy of the data. float32 images are
 * selected by radix on the bits of their values ({@link FloatOrderStatistics}),
 * two passes and no copy either. Other images have
 * their selected values gathered and the needed order statistics found by
 * selection, O(n) on average.
 */
public final class Percentiles {

	/** A histogram wider than this many bins is not worth it; the value path is used instead. */
	private static final long MAX_HISTOGRAM_BINS = 1L << 20;

	private Percentiles() {}

	/**
	 * @param percents each in [0, 100]
	 * @return one value per requested percentile
	 * @throws IllegalArgumentException for a percentile outside [0, 100] or an empty selection
	 */
	public static double[] of(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection,
		final double... percents)
	{
		for (final double q : percents)
			if (!(q >= 0 && q <= 100)) throw new IllegalArgumentException("percentile must be within [0, 100], got " + q);
		final Optional<ValueCounts> counts = ValueCounts.of(image, selection);
		if (counts.isPresent()) return fromCounts(counts.get(), selection, percents);
		final Object type = Util.getTypeFromInterval(image);
		if (type instanceof IntegerType) {
			final IntensityStatistics range = IntensityStatistics.of(image, selection);
			final long bins = (long) range.max() - (long) range.min() + 1;
			if (bins <= MAX_HISTOGRAM_BINS) return fromHistogram(image, selection, (long) range.min(), (int) bins, range.count(), percents);
		}
		final Optional<FloatOrderStatistics> floats = FloatOrderStatistics.of(image, selection);
		if (floats.isPresent()) return fromOrderStatistics(floats.get(), selection, percents);
		return fromValues(image, selection, percents);
	}

	/** From float32 planes: the two order statistics around each percentile, selected by radix without a copy. */
	private static double[] fromOrderStatistics(final FloatOrderStatistics floats, final VoxelSelection selection, final double[] percents) {
		final long n = floats.count();
		if (n == 0) throw new IllegalArgumentException("no voxels selected: " + selection.describe() + " is empty");
		final long[] ranks = new long[2 * percents.length];
		for (int p = 0; p < percents.length; p++) {
			final long lo = (long) Math.floor(virtualIndex(n, percents[p]));
			ranks[2 * p] = lo;
			ranks[2 * p + 1] = Math.min(lo + 1, n - 1);
		}
		final float[] values = floats.values(ranks);
		final double[] result = new double[percents.length];
		for (int p = 0; p < percents.length; p++) {
			result[p] = lerp(values[2 * p], values[2 * p + 1], virtualIndex(n, percents[p]) - ranks[2 * p]);
		}
		return result;
	}

	/**
	 * numpy's linear percentile {@code q} of an array of values, found by selection
	 * (the array is rearranged).
	 *
	 * @throws IllegalArgumentException for an empty array or q outside [0, 100]
	 */
	public static double ofValues(final float[] values, final double q) {
		if (!(q >= 0 && q <= 100)) throw new IllegalArgumentException("percentile must be within [0, 100], got " + q);
		if (values.length == 0) throw new IllegalArgumentException("no values to take a percentile of");
		final double index = virtualIndex(values.length, q);
		final int lo = (int) Math.floor(index);
		final float a = Selection.select(values, lo);
		// after selecting lo, every value above index lo is >= it: the next order statistic is their minimum
		final float b = lo + 1 >= values.length ? a : Selection.minFrom(values, lo + 1);
		return lerp(a, b, index - lo);
	}

	/** numpy's linear interpolation between order statistics {@code lo} and {@code lo + 1}. */
	static double lerp(final double a, final double b, final double t) {
		final double diff = b - a;
		// numpy evaluates from the nearer end for accuracy (numpy/lib/function_base.py _lerp)
		return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
	}

	/** numpy's linear percentiles of n values, given their k-th smallest (0-based) for any k. */
	private static double[] interpolated(final long n, final double[] percents, final LongToDoubleFunction orderStatistic) {
		final double[] result = new double[percents.length];
		for (int p = 0; p < percents.length; p++) {
			final double index = virtualIndex(n, percents[p]);
			final long lo = (long) Math.floor(index);
			final long hi = Math.min(lo + 1, n - 1);
			result[p] = lerp(orderStatistic.applyAsDouble(lo), orderStatistic.applyAsDouble(hi), index - lo);
		}
		return result;
	}

	/** Position of percentile q among n sorted values: lower index and weight of the next one. */
	private static double virtualIndex(final long n, final double q) {
		return (n - 1) * (q / 100.0);
	}

	private static double[] fromHistogram(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection,
		final long offset, final int bins, final long n, final double[] percents)
	{
		// Counts are integers, so adding per-plane counts into one histogram in any order is exact.
		// Each worker thread counts a plane into its own scratch array, then adds it in.
		final long[] histogram = new long[bins];
		final ThreadLocal<int[]> scratch = ThreadLocal.withInitial(() -> new int[bins]);
		Planes.scan(image, selection.maskImage(), (z, v, m) -> {
			final int[] h = scratch.get();
			for (int i = 0; i < v.length; i++)
				if (selection.test(v[i], m, i)) h[(int) ((long) v[i] - offset)]++;
			synchronized (histogram) {
				for (int b = 0; b < bins; b++) {
					histogram[b] += h[b];
					h[b] = 0;
				}
			}
			return null;
		});
		return interpolated(n, percents, k -> orderStatistic(histogram, offset, k));
	}

	/** From counted stored values (8- and 16-bit images): the distinct values in order, then the order statistics. */
	private static double[] fromCounts(final ValueCounts counts, final VoxelSelection selection, final double[] percents) {
		int distinct = 0;
		for (int k = 0; k < counts.size(); k++)
			if (counts.count(k) > 0) distinct++;
		final double[] values = new double[distinct];
		final long[] sorted = new long[distinct];
		final Integer[] order = new Integer[distinct];
		for (int k = 0, j = 0; k < counts.size(); k++)
			if (counts.count(k) > 0) order[j++] = k;
		Arrays.sort(order, (a, b) -> Double.compare(counts.value(a), counts.value(b)));
		long n = 0;
		for (int j = 0; j < distinct; j++) {
			values[j] = counts.value(order[j]);
			n += counts.count(order[j]);
			sorted[j] = n; // voxels at or below values[j]
		}
		if (n == 0) throw new IllegalArgumentException("no voxels selected: " + selection.describe() + " is empty");
		return interpolated(n, percents, k -> orderStatistic(values, sorted, k));
	}

	/** The k-th smallest value (0-based), given distinct values in order and the running counts up to each. */
	private static double orderStatistic(final double[] values, final long[] cumulative, final long k) {
		int j = Arrays.binarySearch(cumulative, k + 1);
		if (j < 0) j = -j - 1; // the first value whose running count exceeds k
		return values[j];
	}

	/** The k-th smallest value (0-based) counted in a histogram. */
	private static double orderStatistic(final long[] histogram, final long offset, final long k) {
		long seen = 0;
		for (int b = 0; b < histogram.length; b++) {
			seen += histogram[b];
			if (seen > k) return offset + b;
		}
		throw new IllegalStateException("order statistic " + k + " beyond histogram total " + seen);
	}

	private static double[] fromValues(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection,
		final double[] percents)
	{
		final List<double[]> planes = Planes.map(image, selection.maskImage(), (z, v, m) -> {
			int n = 0;
			final double[] kept = new double[v.length];
			for (int i = 0; i < v.length; i++)
				if (selection.test(v[i], m, i)) kept[n++] = v[i];
			return n == kept.length ? kept : Arrays.copyOf(kept, n);
		});
		long total = 0;
		for (final double[] p : planes) total += p.length;
		if (total == 0) throw new IllegalArgumentException("no voxels selected: " + selection.describe() + " is empty");
		if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many voxels for exact percentiles of non-integer data: " + total);
		final double[] values = new double[(int) total];
		int at = 0;
		for (final double[] p : planes) {
			System.arraycopy(p, 0, values, at, p.length);
			at += p.length;
		}
		final double[] result = new double[percents.length];
		for (int p = 0; p < percents.length; p++) {
			final double index = virtualIndex(total, percents[p]);
			final int lo = (int) Math.floor(index);
			final int hi = (int) Math.min(lo + 1L, total - 1);
			final double a = Selection.select(values, lo);
			// after selecting lo, every value above index lo is >= it: the next order statistic is their minimum
			final double b = hi == lo ? a : Selection.minFrom(values, lo + 1);
			result[p] = lerp(a, b, index - lo);
		}
		return result;
	}
}
