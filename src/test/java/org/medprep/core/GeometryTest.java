package org.medprep.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GeometryTest {

	@Test
	void indexAndPhysicalAreInverseForAnObliqueGrid() {
		final double c = Math.cos(Math.toRadians(30)), s = Math.sin(Math.toRadians(30));
		final double[][] dir = { { c, -s, 0 }, { s, c, 0 }, { 0, 0, 1 } };
		final Geometry g = Geometry.of(new double[] { 0.5, 0.8, 2.5 }, new double[] { -100, 20, 7 }, dir);
		final double[] p = g.indexToPhysical(new double[] { 10, 4, 3 });
		// origin + D * (5, 3.2, 7.5)
		assertArrayEquals(new double[] { -100 + c * 5 - s * 3.2, 20 + s * 5 + c * 3.2, 7 + 7.5 }, p, 1e-12);
		assertArrayEquals(new double[] { 10, 4, 3 }, g.physicalToIndex(p), 1e-12);
	}

	@Test
	void rejectsZeroNegativeAndNaNSpacing() {
		final double[] o = new double[3];
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Geometry.of(new double[] { 1, 0, 1 }, o)).getMessage().contains("spacing along y"));
		assertThrows(IllegalArgumentException.class, () -> Geometry.of(new double[] { -1, 1, 1 }, o));
		assertThrows(IllegalArgumentException.class, () -> Geometry.of(new double[] { 1, 1, Double.NaN }, o));
	}

	@Test
	void rejectsAbsurdSpacingAndOrigin() {
		final double[] o = new double[3];
		final String huge = assertThrows(IllegalArgumentException.class, () -> Geometry.of(new double[] { 1e308, 1, 1 }, o)).getMessage();
		assertEquals("spacing along x of 1.0E308 mm is not a plausible voxel size (0.000001 to 1000000 mm)", huge);
		assertThrows(IllegalArgumentException.class, () -> Geometry.of(new double[] { 1, 1e-9, 1 }, o));
		final String far = assertThrows(IllegalArgumentException.class, () -> Geometry.of(new double[] { 1, 1, 1 }, new double[] { 0, 0, -2e9 }))
			.getMessage();
		assertTrue(far.startsWith("origin along z of -2.0E9 mm is not a plausible position"), far);
		// the bounds themselves are accepted: 1 nm voxels, 1 km voxels, 1000 km away
		Geometry.of(new double[] { Geometry.MIN_SPACING_MM, Geometry.MAX_SPACING_MM, 1 }, new double[] { Geometry.MAX_COORDINATE_MM, 0, 0 });
	}

	@Test
	void rejectsNonOrthonormalDirection() {
		final double[][] skew = { { 1, 0.5, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		assertThrows(IllegalArgumentException.class, () -> Geometry.of(new double[] { 1, 1, 1 }, new double[3], skew));
	}
}
