package org.medprep.core.stats;

/**
 * In-place selection of the k-th smallest value (quickselect with
 * median-of-three pivots, falling back to sorting the remaining range when
 * partitioning stops making progress, so the worst case stays O(n log n)).
 * NaN values sort last, as in numpy. Float arrays have their own twin so that
 * large samples (a CT fingerprint holds 10e7 values) need half the memory.
 */
final class Selection {

	private Selection() {}

	/** Rearranges {@code a} so that {@code a[k]} holds the k-th smallest value, smaller ones before it, larger after. */
	static double select(final double[] a, final int k) {
		int lo = 0, hi = a.length - 1;
		int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length)) + 8;
		while (hi > lo) {
			if (budget-- == 0) {
				java.util.Arrays.sort(a, lo, hi + 1);
				return a[k];
			}
			final int mid = lo + (hi - lo) / 2;
			final double pivot = medianOfThree(a[lo], a[mid], a[hi]);
			// three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot
			int lt = lo, gt = hi, i = lo;
			while (i <= gt) {
				final int c = Double.compare(a[i], pivot);
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

	/** Smallest value of {@code a[from..]}. */
	static double minFrom(final double[] a, final int from) {
		double m = a[from];
		for (int i = from + 1; i < a.length; i++)
			if (Double.compare(a[i], m) < 0) m = a[i];
		return m;
	}

	private static double medianOfThree(final double x, final double y, final double z) {
		if (Double.compare(x, y) > 0) return Double.compare(y, z) >= 0 ? y : (Double.compare(x, z) > 0 ? z : x);
		return Double.compare(x, z) >= 0 ? x : (Double.compare(y, z) > 0 ? z : y);
	}

	private static void swap(final double[] a, final int i, final int j) {
		final double t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

	/** {@link #select(double[], int)} for float arrays. */
	static float select(final float[] a, final int k) {
		int lo = 0, hi = a.length - 1;
		int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length)) + 8;
		while (hi > lo) {
			if (budget-- == 0) {
				java.util.Arrays.sort(a, lo, hi + 1);
				return a[k];
			}
			final int mid = lo + (hi - lo) / 2;
			final float pivot = (float) medianOfThree(a[lo], a[mid], a[hi]);
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

	/** Smallest value of {@code a[from..]}. */
	static float minFrom(final float[] a, final int from) {
		float m = a[from];
		for (int i = from + 1; i < a.length; i++)
			if (Float.compare(a[i], m) < 0) m = a[i];
		return m;
	}

	private static void swap(final float[] a, final int i, final int j) {
		final float t = a[i];
		a[i] = a[j];
		a[j] = t;
	}
}
