package org.medprep.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

class SelectionTest {

	@Test
	void selectFindsEveryOrderStatisticOfRandomAndDegenerateData() {
		final SplittableRandom r = new SplittableRandom(7);
		for (final int n : new int[] { 1, 2, 3, 10, 257 }) {
			for (int trial = 0; trial < 5; trial++) {
				final double[] a = new double[n];
				for (int i = 0; i < n; i++) a[i] = trial == 0 ? 5 : trial == 1 ? i : r.nextInt(7) - 3;
				final double[] sorted = a.clone();
				Arrays.sort(sorted);
				for (int k = 0; k < n; k++) {
					final double[] b = a.clone();
					assertEquals(sorted[k], Selection.select(b, k), 0, "n=" + n + " k=" + k);
					if (k + 1 < n) assertEquals(sorted[k + 1], Selection.minFrom(b, k + 1), 0);
				}
			}
		}
	}
}
