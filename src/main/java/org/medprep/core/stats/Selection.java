package org.medprep.core.stats;

import java.util.Arrays;

/**
 * In-place selection of the k-th smallest value (quickselect with
 * median-of-three pivots, falling back to sorting the remaining range when
 * partitioning stops making progress, so the worst case stays O(n log n)).
 * NaN values sort last, as in numpy. Float arrays are served as well as double
 * arrays, without copying, so that large samples (a CT fingerprint holds 10e7
 * values) need half the memory; the algorithm is written once, over
 * {@link Values}.
 */
final class Selection {

	private Selection() {}

	/** Rearranges {@code a} so that {@code a[k]} holds the k-th smallest value, smaller ones before it, larger after. */
	static double select(final double[] a, final int k) {
		select(new DoubleValues(a), k);
		return a[k];
	}

	/** {@link #select(double[], int)} for float arrays. */
	static float select(final float[] a, final int k) {
		select(new FloatValues(a), k);
		return a[k];
	}

	private static void select(final Values a, final int k) {
		int lo = 0, hi = a.length() - 1;
		int budget = 2 * (32 - Integer.numberOfLeadingZeros(a.length())) + 8;
		while (hi > lo) {
			if (budget-- == 0) {
				a.sort(lo, hi + 1);
				return;
			}
			a.takePivot(lo, lo + (hi - lo) / 2, hi);
			// three-way partition: [lo, lt) < pivot, [lt, gt] == pivot, (gt, hi] > pivot
			int lt = lo, gt = hi, i = lo;
			while (i <= gt) {
				final int c = a.compareToPivot(i);
				if (c < 0) a.swap(lt++, i++);
				else if (c > 0) a.swap(i, gt--);
				else i++;
			}
			if (k < lt) hi = lt - 1;
			else if (k > gt) lo = gt + 1;
			else return;
		}
	}

	/** Smallest value of {@code a[from..]}. */
	static double minFrom(final double[] a, final int from) {
		double m = a[from];
		for (int i = from + 1; i < a.length; i++)
			if (Double.compare(a[i], m) < 0) m = a[i];
		return m;
	}

	/** Smallest value of {@code a[from..]}. */
	static float minFrom(final float[] a, final int from) {
		float m = a[from];
		for (int i = from + 1; i < a.length; i++)
			if (Float.compare(a[i], m) < 0) m = a[i];
		return m;
	}

	private static double medianOfThree(final double x, final double y, final double z) {
		if (Double.compare(x, y) > 0) return Double.compare(y, z) >= 0 ? y : (Double.compare(x, z) > 0 ? z : x);
		return Double.compare(x, z) >= 0 ? x : (Double.compare(y, z) > 0 ? z : y);
	}

	/** The array a selection works in, as much of it as quickselect needs: the pivot is kept in the array's own type. */
	private interface Values {
		int length();
		/** Takes the median of the values at {@code lo}, {@code mid} and {@code hi} as the pivot. */
		void takePivot(int lo, int mid, int hi);
		/** {@code compare(a[i], pivot)}, NaN last. */
		int compareToPivot(int i);
		void swap(int i, int j);
		/** Sorts {@code [from, to)}. */
		void sort(int from, int to);
	}

	private static final class DoubleValues implements Values {
		private final double[] a;
		private double pivot;

		DoubleValues(final double[] a) {
			this.a = a;
		}

		@Override public int length() { return a.length; }
		@Override public void takePivot(final int lo, final int mid, final int hi) { pivot = medianOfThree(a[lo], a[mid], a[hi]); }
		@Override public int compareToPivot(final int i) { return Double.compare(a[i], pivot); }
		@Override public void sort(final int from, final int to) { Arrays.sort(a, from, to); }

		@Override
		public void swap(final int i, final int j) {
			final double t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}

	private static final class FloatValues implements Values {
		private final float[] a;
		private float pivot;

		FloatValues(final float[] a) {
			this.a = a;
		}

		@Override public int length() { return a.length; }
		// exact: the median is one of the three values
		@Override public void takePivot(final int lo, final int mid, final int hi) { pivot = (float) medianOfThree(a[lo], a[mid], a[hi]); }
		@Override public int compareToPivot(final int i) { return Float.compare(a[i], pivot); }
		@Override public void sort(final int from, final int to) { Arrays.sort(a, from, to); }

		@Override
		public void swap(final int i, final int j) {
			final float t = a[i];
			a[i] = a[j];
			a[j] = t;
		}
	}
}
