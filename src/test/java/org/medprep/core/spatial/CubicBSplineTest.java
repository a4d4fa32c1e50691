package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CubicBSplineTest {

	@Test
	void weightsAreTheCubicBSplineAtKnownPoints() {
		final double[] w = new double[6];
		CubicBSpline.weights(0, w, 1);
		assertArrayEquals(new double[] { 0, 1 / 6.0, 4 / 6.0, 1 / 6.0, 0, 0 }, w, 1e-16);
		CubicBSpline.weights(0.5, w, 2);
		assertArrayEquals(new double[] { 1 / 48.0, 23 / 48.0, 23 / 48.0, 1 / 48.0 }, java.util.Arrays.copyOfRange(w, 2, 6), 1e-16);
		CubicBSpline.weights(0.25, w, 0); // B(1.25), B(0.25), B(0.75), B(1.75)
		assertArrayEquals(new double[] { 27 / 384.0, 235 / 384.0, 121 / 384.0, 1 / 384.0 }, java.util.Arrays.copyOfRange(w, 0, 4), 1e-16);
		for (double t = 0; t <= 1; t += 0.0625) {
			CubicBSpline.weights(t, w, 0);
			assertEquals(1, w[0] + w[1] + w[2] + w[3], 1e-15, "partition of unity at " + t);
		}
	}
}
