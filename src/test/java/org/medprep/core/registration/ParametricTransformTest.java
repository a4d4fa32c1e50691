package org.medprep.core.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.spatial.PhysicalAffine;

class ParametricTransformTest {

	private static final double[] CENTRE = { 12, -30, 45 };

	private static ParametricTransform sample(final TransformType type) {
		switch (type) {
			case TRANSLATION: return ParametricTransform.of(type, CENTRE, new double[] { 3, -4, 5 });
			case RIGID: return ParametricTransform.of(type, CENTRE, new double[] { 0.1, -0.2, 0.3, 3, -4, 5 });
			case SIMILARITY: return ParametricTransform.of(type, CENTRE, new double[] { 0.1, -0.2, 0.3, 1.1, 3, -4, 5 });
			default: return ParametricTransform.of(type, CENTRE, new double[] { 1.1, 0.05, -0.02, 0.03, 0.9, 0.04, -0.01, 0.02, 1.05, 3, -4, 5 });
		}
	}

	@Test
	void identityParametersMapEveryPointToItself() {
		for (final TransformType type : TransformType.values()) {
			final ParametricTransform t = ParametricTransform.identity(type, CENTRE);
			assertTrue(t.affine().isIdentity(1e-15), type.label());
			assertEquals(type.parameterCount(), t.parameterCount());
		}
	}

	@Test
	void theCentreMovesByTheTranslationOnly() {
		for (final TransformType type : TransformType.values())
			assertArrayEquals(new double[] { 15, -34, 50 }, sample(type).apply(CENTRE), 1e-12, type.label());
	}

	@Test
	void rigidIsTheRotationOfThePhysicalAffine() {
		final ParametricTransform t = sample(TransformType.RIGID);
		final double[][] r = PhysicalAffine.rotationMatrix(0.1, -0.2, 0.3);
		final PhysicalAffine expected = PhysicalAffine.translation(new double[] { 3, -4, 5 }).after(PhysicalAffine.linearAbout(r, CENTRE));
		final double[] p = { -7, 8, 100 };
		assertArrayEquals(expected.apply(p), t.apply(p), 1e-12);
		// a rotation keeps distances
		final double[] a = t.apply(new double[] { 0, 0, 0 }), b = t.apply(p);
		assertEquals(Math.sqrt(49 + 64 + 10000), Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2])), 1e-9);
	}

	@Test
	void similarityScalesDistances() {
		final ParametricTransform t = sample(TransformType.SIMILARITY);
		final double[] a = t.apply(new double[] { 0, 0, 0 }), b = t.apply(new double[] { 0, 0, 10 });
		assertEquals(11, Math.sqrt(sq(a[0] - b[0]) + sq(a[1] - b[1]) + sq(a[2] - b[2])), 1e-9);
	}

	@Test
	void jacobianMatchesFiniteDifferences() {
		final double[] x = { 40, -12, 7 };
		final double[] d = { x[0] - CENTRE[0], x[1] - CENTRE[1], x[2] - CENTRE[2] };
		final double[] g = { 0.3, -1.2, 0.7 };
		for (final TransformType type : TransformType.values()) {
			final ParametricTransform t = sample(type);
			final int np = t.parameterCount();
			final double[] row = new double[np];
			t.gradientRow(d[0], d[1], d[2], g[0], g[1], g[2], row);
			for (int i = 0; i < np; i++) {
				final double h = 1e-6;
				final double[] plus = t.parameters(), minus = t.parameters();
				plus[i] += h;
				minus[i] -= h;
				final double[] a = t.withParameters(plus).apply(x), b = t.withParameters(minus).apply(x);
				final double[] column = { (a[0] - b[0]) / (2 * h), (a[1] - b[1]) / (2 * h), (a[2] - b[2]) / (2 * h) };
				assertEquals(g[0] * column[0] + g[1] * column[1] + g[2] * column[2], row[i], 1e-6, type.label() + " parameter " + i);
				// the displacement of a unit change is the same column
				final double[] unit = new double[np], moved = new double[3];
				unit[i] = 1;
				t.displacement(d, unit, moved);
				assertArrayEquals(column, moved, 1e-6, type.label() + " displacement " + i);
			}
		}
	}

	@Test
	void badParametersAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> ParametricTransform.of(TransformType.RIGID, CENTRE, new double[5]));
		assertThrows(IllegalArgumentException.class, () -> ParametricTransform.of(TransformType.TRANSLATION, CENTRE, new double[] { 0, Double.NaN, 0 }));
		assertThrows(IllegalArgumentException.class, () -> ParametricTransform.of(TransformType.SIMILARITY, CENTRE, new double[] { 0, 0, 0, 0, 0, 0, 0 }));
		assertThrows(IllegalArgumentException.class, () -> TransformType.fromLabel("bspline"));
		assertEquals(TransformType.RIGID, TransformType.fromLabel("Euler"));
	}

	private static double sq(final double v) {
		return v * v;
	}
}
