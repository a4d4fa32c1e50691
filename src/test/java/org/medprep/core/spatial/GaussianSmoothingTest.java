package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GaussianSmoothingTest {

	/**
	 * Impulse response against the sampled Gaussian: exact (FIR) below sigma 5,
	 * within 3.5% of the peak above (Young-van Vliet, peak-calibrated); unit sum; standard
	 * deviation within 2% for the FIR, within 12% (heavier tails) for the recursive filter.
	 */
	@ParameterizedTest
	@ValueSource(doubles = { 0.5, 1.5, 2.9, 4.9, 5, 12, 35 })
	void impulseResponseIsGaussian(final double sigma) {
		final int n = (int) (20 * sigma) + 41, c = n / 2;
		final double[] line = new double[n];
		line[c] = 1;
		GaussianSmoothing.smoothLine(line, sigma);
		double sum = 0, var = 0, peakError = 0;
		double norm = 0;
		for (int i = 0; i < n; i++) norm += Math.exp(-0.5 * (i - c) * (i - c) / (sigma * sigma));
		for (int i = 0; i < n; i++) {
			sum += line[i];
			var += line[i] * (i - c) * (i - c);
			peakError = Math.max(peakError, Math.abs(line[i] - Math.exp(-0.5 * (i - c) * (i - c) / (sigma * sigma)) / norm));
		}
		assertEquals(1, sum, 1e-4, "sum");
		assertTrue(peakError < (sigma < GaussianSmoothing.RECURSIVE_FROM ? 1e-3 : 0.035) * line[c], "sigma " + sigma + ": largest deviation " + peakError + " vs peak " + line[c]);
		if (sigma >= 1) assertEquals(sigma, Math.sqrt(var), (sigma < GaussianSmoothing.RECURSIVE_FROM ? 0.02 : 0.12) * sigma, "standard deviation");
	}

	@ParameterizedTest
	@ValueSource(doubles = { 1, 8 })
	void constantsStayConstantUpToTheEdges(final double sigma) {
		final float[] v = new float[9 * 7 * 5];
		java.util.Arrays.fill(v, 3.25f);
		GaussianSmoothing.smooth(v, new int[] { 9, 7, 5 }, new double[] { sigma, sigma, sigma });
		for (final float x : v) assertEquals(3.25, x, 1e-4);
	}
}
