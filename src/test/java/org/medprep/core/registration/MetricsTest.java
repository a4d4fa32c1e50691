package org.medprep.core.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.spatial.Grid;

/** Known values and analytic gradients (against finite differences) of the three metrics, on every voxel. */
class MetricsTest {

	interface Field {
		double at(int x, int y, int z);
	}

	static LevelImage image(final Grid g, final Field f) {
		final int nx = (int) g.size(0), ny = (int) g.size(1), nz = (int) g.size(2);
		final float[] d = new float[nx * ny * nz];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) d[i] = (float) f.at(x, y, z);
		return new LevelImage(d, g);
	}

	static LevelProblem problem(final LevelImage fixed, final LevelImage moving, final MetricType type) {
		final ImageMetric metric = ImageMetric.of(type, 32, IntensityRange.of(fixed, null), IntensityRange.of(moving, null));
		return new LevelProblem(fixed, moving, null, new FixedSampler(fixed, null, SamplingStrategy.FULL, 2048, 1, 0), metric);
	}

	private static final Grid UNIT = Grid.of(new long[] { 12, 10, 8 }, Geometry.identity());

	@Test
	void meanSquaresOfAShiftedRampIsTheSquaredStep() {
		final LevelImage ramp = image(UNIT, (x, y, z) -> 3 * x);
		final ParametricTransform t = ParametricTransform.identity(TransformType.TRANSLATION, new double[3]).withTranslation(new double[] { 0.25, 0, 0 });
		final double[] g = new double[3];
		final LevelProblem.Evaluation e = problem(ramp, ramp, MetricType.MEAN_SQUARES).evaluate(t, 0, 0, g);
		// the last column maps beyond the moving image and does not count
		assertEquals(11 * 10 * 8, e.valid);
		assertEquals(0.75 * 0.75, e.value, 1e-9);
		assertEquals(2 * 0.75 * 3, g[0], 1e-9);
		assertEquals(0, g[1], 1e-12);
	}

	@Test
	void correlationIsMinusOneOrOneForLinearlyRelatedContrasts() {
		final LevelImage f = image(UNIT, (x, y, z) -> Math.sin(x) + y * y - z);
		final ParametricTransform id = ParametricTransform.identity(TransformType.AFFINE, new double[] { 5, 4, 3 });
		assertEquals(-1, problem(f, image(UNIT, (x, y, z) -> 2 * (Math.sin(x) + y * y - z) + 5), MetricType.NORMALIZED_CORRELATION).evaluate(id, 0, 0, null).value, 1e-6);
		assertEquals(1, problem(f, image(UNIT, (x, y, z) -> -0.5 * (Math.sin(x) + y * y - z) + 1), MetricType.NORMALIZED_CORRELATION).evaluate(id, 0, 0, null).value, 1e-6);
	}

	@Test
	void mutualInformationOfAHalfAndHalfImageWithItselfIsLn2() {
		final LevelImage half = image(UNIT, (x, y, z) -> x < 6 ? 0 : 1);
		final ParametricTransform id = ParametricTransform.identity(TransformType.RIGID, new double[] { 5, 4, 3 });
		assertEquals(-Math.log(2), problem(half, half, MetricType.MATTES_MI).evaluate(id, 0, 0, null).value, 1e-12);
		// an inverted contrast carries the same information
		assertEquals(-Math.log(2), problem(half, image(UNIT, (x, y, z) -> x < 6 ? 10 : -3), MetricType.MATTES_MI).evaluate(id, 0, 0, null).value, 1e-12);
	}

	@Test
	void mutualInformationOfIndependentImagesIsZero() {
		final LevelImage alongX = image(UNIT, (x, y, z) -> x * x), alongY = image(UNIT, (x, y, z) -> 7 * y);
		final ParametricTransform id = ParametricTransform.identity(TransformType.TRANSLATION, new double[3]);
		assertEquals(0, problem(alongX, alongY, MetricType.MATTES_MI).evaluate(id, 0, 0, null).value, 1e-12);
	}

	@Test
	void analyticGradientsMatchFiniteDifferences() {
		final Grid grid = Grid.of(new long[] { 24, 22, 20 }, Geometry.of(new double[] { 1.5, 1.2, 2 }, new double[] { -10, 5, 3 }));
		final Field blob = (x, y, z) -> 100 * Math.exp(-(sq(x - 11) / 30 + sq(y - 10) / 20 + sq(z - 9) / 25)) + 30 * Math.exp(-(sq(x - 6) + sq(y - 14)) / 8);
		final LevelImage fixed = image(grid, blob);
		// the moving image: the same blobs, another contrast for mutual information
		final LevelImage same = image(grid, blob), other = image(grid, (x, y, z) -> 200 - 1.5 * blob.at(x, y, z) + 0.004 * sq(blob.at(x, y, z)));
		final double[] centre = grid.center();
		final ParametricTransform t = ParametricTransform.of(TransformType.AFFINE, centre,
			new double[] { 1.02, 0.01, -0.015, 0.012, 0.97, 0.02, -0.01, 0.015, 1.03, 0.37, -0.41, 0.23 });
		check(problem(fixed, same, MetricType.MEAN_SQUARES), t, 1e-4);
		check(problem(fixed, same, MetricType.NORMALIZED_CORRELATION), t, 1e-4);
		check(problem(fixed, other, MetricType.MATTES_MI), t, 1e-3);
		final ParametricTransform rigid = ParametricTransform.of(TransformType.RIGID, centre, new double[] { 0.03, -0.02, 0.05, 0.37, -0.41, 0.23 });
		check(problem(fixed, other, MetricType.MATTES_MI), rigid, 1e-3);
	}

	/** Central differences of the cost against the analytic gradient, relative to the gradient's size. */
	private static void check(final LevelProblem p, final ParametricTransform t, final double tolerance) {
		final int np = t.parameterCount();
		final double[] g = new double[np];
		p.evaluate(t, 0, 0, g);
		double norm = 0;
		for (final double v : g) norm = Math.max(norm, Math.abs(v));
		for (int i = 0; i < np; i++) {
			// matrix elements move points by about 20 mm per unit, translations by 1
			final double h = i < np - 3 ? 1e-7 : 1e-6;
			final double[] plus = t.parameters(), minus = t.parameters();
			plus[i] += h;
			minus[i] -= h;
			final double fd = (p.evaluate(t.withParameters(plus), 0, 0, null).value - p.evaluate(t.withParameters(minus), 0, 0, null).value) / (2 * h);
			assertEquals(fd, g[i], tolerance * norm, p.metric.getClass().getSimpleName() + " " + t.type() + " parameter " + i);
		}
	}

	private static double sq(final double v) {
		return v * v;
	}

	@Test
	void pointsOutsideTheMovingMaskDoNotCount() {
		final LevelImage ramp = image(UNIT, (x, y, z) -> 3 * x + y);
		// the moving mask keeps x < 4: 4 of the 12 columns
		final LevelImage mask = image(UNIT, (x, y, z) -> x < 4 ? 1 : 0);
		final ImageMetric metric = ImageMetric.of(MetricType.MEAN_SQUARES, 32, IntensityRange.of(ramp, null), IntensityRange.of(ramp, null));
		final LevelProblem p = new LevelProblem(ramp, ramp, mask, new FixedSampler(ramp, null, SamplingStrategy.FULL, 2048, 1, 0), metric);
		final LevelProblem.Evaluation e = p.evaluate(ParametricTransform.identity(TransformType.TRANSLATION, new double[3]), 0, 0, null);
		assertEquals(4 * 10 * 8, e.valid);
		assertEquals(12 * 10 * 8, e.requested);
		assertEquals(0, e.value, 0);
	}

	@Test
	void randomPointsInsideAFixedMaskStayInItsVoxels() {
		final LevelImage img = image(UNIT, (x, y, z) -> x);
		final int[] voxels = { 0, 5 + 12 * (3 + 10 * 2), 11 + 12 * (9 + 10 * 7) };
		final FixedSampler s = new FixedSampler(img, voxels, SamplingStrategy.RANDOM, 300, 42, 0);
		final double[] ux = new double[256], uy = new double[256], uz = new double[256];
		final int n = s.fill(300, 7, 0, ux, uy, uz);
		assertEquals(256, n);
		final int[] hits = new int[3];
		for (int i = 0; i < n; i++) {
			final int x = (int) Math.round(ux[i]), y = (int) Math.round(uy[i]), z = (int) Math.round(uz[i]);
			final int v = x + 12 * (y + 10 * z);
			boolean found = false;
			for (int k = 0; k < 3; k++)
				if (voxels[k] == v) {
					hits[k]++;
					found = true;
				}
			org.junit.jupiter.api.Assertions.assertTrue(found, "point " + ux[i] + "," + uy[i] + "," + uz[i] + " is outside the mask");
			org.junit.jupiter.api.Assertions.assertTrue(Math.abs(ux[i] - x) <= 0.5 && Math.abs(uy[i] - y) <= 0.5 && Math.abs(uz[i] - z) <= 0.5);
		}
		for (final int h : hits) org.junit.jupiter.api.Assertions.assertTrue(h > 50, "every mask voxel is drawn: " + java.util.Arrays.toString(hits));
		// the same stream and chunk give the same points; the next iteration others
		final double[] again = new double[256], other = new double[256];
		s.fill(300, 7, 0, again, new double[256], new double[256]);
		s.fill(300, 8, 0, other, new double[256], new double[256]);
		org.junit.jupiter.api.Assertions.assertArrayEquals(ux, again);
		org.junit.jupiter.api.Assertions.assertFalse(java.util.Arrays.equals(ux, other));
		// the second chunk holds the remaining 44 of 300
		assertEquals(44, s.fill(300, 7, 1, ux, uy, uz));
	}
}
