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

	/**
	 * The FIR axes run tap by tap over whole rows; every voxel must still get the bits of its line
	 * smoothed on its own (sigma 0.125: the near-identity kernel of a mild anti-aliasing; 1.6 on a
	 * 3-voxel axis: a kernel longer than the line).
	 */
	@ParameterizedTest
	@ValueSource(doubles = { 0.125, 0.7, 1.6, 3.9 })
	void firAxesGiveTheBitsOfEachLineSmoothedAlone(final double sigma) {
		final int nx = 11, ny = 6, nz = 3;
		final java.util.Random random = new java.util.Random(11);
		final float[] v = new float[nx * ny * nz];
		for (int i = 0; i < v.length; i++) v[i] = random.nextInt(5) == 0 ? 0 : (float) (2000 * random.nextGaussian());
		final float[] expected = v.clone();
		// x, then y, then z, each line on its own, as float between the axes
		for (int z = 0; z < nz; z++) for (int y = 0; y < ny; y++) {
			final double[] line = new double[nx];
			for (int x = 0; x < nx; x++) line[x] = expected[(z * ny + y) * nx + x];
			GaussianSmoothing.smoothLine(line, sigma);
			for (int x = 0; x < nx; x++) expected[(z * ny + y) * nx + x] = (float) line[x];
		}
		for (int z = 0; z < nz; z++) for (int x = 0; x < nx; x++) {
			final double[] line = new double[ny];
			for (int y = 0; y < ny; y++) line[y] = expected[(z * ny + y) * nx + x];
			GaussianSmoothing.smoothLine(line, sigma);
			for (int y = 0; y < ny; y++) expected[(z * ny + y) * nx + x] = (float) line[y];
		}
		for (int y = 0; y < ny; y++) for (int x = 0; x < nx; x++) {
			final double[] line = new double[nz];
			for (int z = 0; z < nz; z++) line[z] = expected[(z * ny + y) * nx + x];
			GaussianSmoothing.smoothLine(line, sigma);
			for (int z = 0; z < nz; z++) expected[(z * ny + y) * nx + x] = (float) line[z];
		}
		GaussianSmoothing.smooth(v, new int[] { nx, ny, nz }, new double[] { sigma, sigma, sigma });
		for (int i = 0; i < v.length; i++) assertEquals(Float.floatToRawIntBits(expected[i]), Float.floatToRawIntBits(v[i]), "voxel " + i);
	}
}
