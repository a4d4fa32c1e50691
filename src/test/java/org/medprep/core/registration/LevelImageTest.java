package org.medprep.core.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

class LevelImageTest {

	/** A linear function of the index is reproduced exactly by trilinear interpolation, with its exact gradient. */
	@Test
	void linearFunctionsAndTheirGradientsAreExact() {
		final int nx = 5, ny = 4, nz = 3;
		final float[] data = new float[nx * ny * nz];
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) data[i] = 2 * x - 3 * y + 0.5f * z + 7;
		final LevelImage img = new LevelImage(data, Grid.of(new long[] { nx, ny, nz }, Geometry.identity()));
		final double[] out = new double[4];
		for (final double[] c : new double[][] { { 0, 0, 0 }, { 1.25, 2.5, 0.75 }, { 4, 3, 2 }, { 3.999, 0.001, 1.5 } }) {
			assertEquals(true, img.valueAndGradient(c[0], c[1], c[2], out));
			assertArrayEquals(new double[] { 2 * c[0] - 3 * c[1] + 0.5 * c[2] + 7, 2, -3, 0.5 }, out, 1e-5);
			assertEquals(out[0], img.value(c[0], c[1], c[2]), 1e-12);
		}
		assertFalse(img.valueAndGradient(4.0001, 1, 1, out));
		assertFalse(img.valueAndGradient(1, -0.0001, 1, out));
		assertEquals(2 * 3 - 3 * 1 + 0.5 * 2 + 7, img.nearest(2.6, 1.4, 1.6), 1e-6);
	}

	@Test
	void gradientsPerMillimetreFollowSpacingAndDirection() {
		// image axis x runs along patient y with 2 mm voxels: d/dx index = 2 per voxel means 1 per mm along patient y
		final double[][] dir = { { 0, -1, 0 }, { 1, 0, 0 }, { 0, 0, 1 } };
		final Grid g = Grid.of(new long[] { 3, 3, 3 }, Geometry.of(new double[] { 2, 4, 1 }, new double[] { 5, 6, 7 }, dir));
		final LevelImage img = new LevelImage(new float[27], g);
		final double[] gi = { 2, 8, 3 };
		final double[] gp = new double[3];
		for (int r = 0; r < 3; r++) gp[r] = img.gradientToPhysical[r][0] * gi[0] + img.gradientToPhysical[r][1] * gi[1] + img.gradientToPhysical[r][2] * gi[2];
		// along patient y (image x): 2 per 2 mm; along patient -x (image y): 8 per 4 mm, so +x gets -2; along z: 3 per mm
		assertArrayEquals(new double[] { -2, 1, 3 }, gp, 1e-12);
		final double[][] back = PhysicalAffine.of(img.physicalToIndex).after(PhysicalAffine.of(img.indexToPhysical)).matrix();
		assertTrue(PhysicalAffine.of(back).isIdentity(1e-12));
	}

	private static void assertTrue(final boolean b) {
		org.junit.jupiter.api.Assertions.assertTrue(b);
	}
}
