package org.medprep.io.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;

class RasAffineTest {

	@Test
	void lpsGeometryBecomesRasAffine() {
		// a DICOM-like axial CT: x to the patient's left, y posterior, origin at (-200, -180, 50) LPS
		final Geometry g = Geometry.of(new double[] { 0.8, 0.7, 2.5 }, new double[] { -200, -180, 50 });
		final double[][] a = RasAffine.fromGeometry(g);
		assertArrayEquals(new double[] { -0.8, 0, 0, 200 }, a[0], 0);
		assertArrayEquals(new double[] { 0, -0.7, 0, 180 }, a[1], 0);
		assertArrayEquals(new double[] { 0, 0, 2.5, 50 }, a[2], 0);
		assertArrayEquals(new double[] { 0, 0, 0, 1 }, a[3], 0);
		assertTrue(g.sameSpace(RasAffine.toGeometry(a), 1e-12));
	}

	@Test
	void obliqueAndLeftHandedRoundTrip() {
		final double c = Math.cos(0.4), s = Math.sin(0.4);
		final Geometry g = Geometry.of(new double[] { 0.5, 0.6, 3 }, new double[] { 1, 2, 3 },
			new double[][] { { c, 0, s }, { 0, 1, 0 }, { s, 0, -c } });
		final Geometry back = RasAffine.toGeometry(RasAffine.fromGeometry(g));
		assertTrue(g.sameSpace(back, 1e-12), back.toString());
		// the same voxel lands on the same point, x and y negated
		final double[] p = g.indexToPhysical(new double[] { 3, 4, 5 });
		final double[][] a = RasAffine.fromGeometry(g);
		for (int r = 0; r < 3; r++) {
			final double ras = a[r][0] * 3 + a[r][1] * 4 + a[r][2] * 5 + a[r][3];
			assertEquals(r < 2 ? -p[r] : p[r], ras, 1e-12);
		}
	}

	@Test
	void float32RoundingIsAcceptedShearIsNot() {
		final double c = Math.cos(0.3), s = Math.sin(0.3);
		final double[][] a = { { (float) c, (float) -s, 0, 1 }, { (float) s, (float) c, 0, 2 }, { 0, 0, 1, 3 }, { 0, 0, 0, 1 } };
		final Geometry g = RasAffine.toGeometry(a);
		assertEquals(1, g.spacing(0), 1e-7);
		final double[][] sheared = { { 1, 0.2, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } };
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RasAffine.toGeometry(sheared));
		assertTrue(e.getMessage().contains("shear"), e.getMessage());
		final double[][] flat = { { 1, 0, 0, 0 }, { 0, 0, 0, 0 }, { 0, 0, 1, 0 }, { 0, 0, 0, 1 } };
		assertTrue(assertThrows(IllegalArgumentException.class, () -> RasAffine.toGeometry(flat)).getMessage().contains("column 1"));
	}
}
