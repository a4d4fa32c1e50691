package org.medprep.core.normalize;

import java.util.Arrays;

/**
 * In-place selection of the k-th smallest of a float array (quickselect,
 * three-way partition, median-of-three pivots, sorting the remaining range if
 * partitioning stops making progress). For percentiles of large float samples
 * (a CT fingerprint holds 10e7) without sorting them all.
 */
final class FloatSelection {

	private FloatSelection() {}

	/** Rearranges {@code a} so that {@code a[k]} is the k-th smallest, smaller values before it and larger after. */
	static float select(final float[] a, final int k) {
		int lo = 0, hi = a.length - 1;
		int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length)) + 8;
		while (hi > lo) {
			if (budget-- == 0) {
				Arrays.sort(a, lo, hi + 1);
				return a[k];
			}
			final int mid = lo + (hi - lo) / 2;
			final float pivot = median(a[lo], a[mid], a[hi]);
			int lt = lo, gt = hi, i = lo;
			while (i <= gt) {
				final int c = Float.compare(a[i], pivot);
				if (c < 0) swap(a, lt++, i++);
				else if (c > 0) swap(a, i, gt--);
				else i++;
			}
			if (k < lt) hi = lt - 1;
			else if (k > gt) lo = gt + 1;
			else return a[k];
		}
		return a[k];
	}

	/** numpy's linear percentile q of the values (rearranges them). */
	static double percentile(final float[] a, final double q) {
		final double index = (a.length - 1) * q / 100;
		final int lo = (int) Math.floor(index);
		final float x = select(a, lo);
		if (lo + 1 >= a.length) return x;
		// every value after index lo is >= a[lo]: the next order statistic is their minimum
		float y = a[lo + 1];
		for (int i = lo + 2; i < a.length; i++)
			if (Float.compare(a[i], y) < 0) y = a[i];
		final double t = index - lo, diff = (double) y - x;
		return t >= 0.5 ? y - diff * (1 - t) : x + diff * t;
	}

	private static float median(final float x, final float y, final float z) {
		if (Float.compare(x, y) > 0) return Float.compare(y, z) >= 0 ? y : (Float.compare(x, z) > 0 ? z : x);
		return Float.compare(x, z) >= 0 ? x : (Float.compare(y, z) > 0 ? z : y);
	}

	private static void swap(final float[] a, final int i, final int j) {
		final float t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}
