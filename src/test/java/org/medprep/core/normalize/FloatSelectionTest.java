package org.medprep.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class FloatSelectionTest {

	@Test
	void percentilesMatchSortingWithNumpysLinearRule() {
		final SplittableRandom r = new SplittableRandom(3);
		for (final int n : new int[] { 1, 2, 7, 1000, 12345 }) {
			final float[] a = new float[n];
			for (int i = 0; i < n; i++) a[i] = (float) Math.floor(r.nextDouble(-50, 50)); // many ties
			final float[] sorted = a.clone();
			Arrays.sort(sorted);
			for (final double q : new double[] { 0, 0.5, 10, 50, 99.5, 100 }) {
				final double index = (n - 1) * q / 100;
				final int lo = (int) Math.floor(index), hi = Math.min(lo + 1, n - 1);
				final double expected = sorted[lo] + (sorted[hi] - sorted[lo]) * (index - lo);
				assertEquals(expected, FloatSelection.percentile(a.clone(), q), 1e-9, "n=" + n + " q=" + q);
			}
		}
	}
}
