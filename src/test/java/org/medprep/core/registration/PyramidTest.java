package org.medprep.core.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.spatial.Grid;

import net.imglib2.img.array.ArrayImgs;

class PyramidTest {

	@Test
	void thickSlicesShrinkLessAndSmallGridsStayAtLeastSixteenVoxels() {
		final Grid thick = Grid.of(new long[] { 160, 160, 60 }, Geometry.of(new double[] { 1, 1, 3 }, new double[3]));
		final int[][] s = Pyramid.shrinkFactors(thick, 4);
		assertArrayEquals(new int[][] { { 8, 8, 3 }, { 4, 4, 1 }, { 2, 2, 1 }, { 1, 1, 1 } }, s);
		final Grid small = Grid.of(new long[] { 40, 40, 40 }, Geometry.identity());
		assertArrayEquals(new int[] { 2, 2, 2 }, Pyramid.shrinkFactors(small, 4)[0]);
		assertArrayEquals(new double[] { 6, 3, 1.5, 0 }, Pyramid.sigmas(4, 1.5), 0);
	}

	@Test
	void linearInterpolationBlursOnlyWhenNewCentresFallBetweenOldOnes() {
		assertEquals(0, Pyramid.interpolationVariance(1), 0);
		assertEquals(0.25, Pyramid.interpolationVariance(2), 1e-15);
		assertEquals(0, Pyramid.interpolationVariance(3), 1e-15);
		assertEquals(0.25, Pyramid.interpolationVariance(4), 1e-15);
	}

	@Test
	void levelsCoverTheSameBoxAndTheFinestIsTheImage() {
		final Grid g = Grid.of(new long[] { 64, 48, 40 }, Geometry.of(new double[] { 1.5, 1.5, 2 }, new double[] { -40, 12, 7 },
			org.medprep.core.spatial.PhysicalAffine.rotationMatrix(0.3, 0.1, -0.2)));
		final float[] data = new float[64 * 48 * 40];
		for (int i = 0; i < data.length; i++) data[i] = 5;
		data[1234] = 100;
		final List<LevelImage> levels = Pyramid.build(ArrayImgs.floats(data.clone(), 64, 48, 40), g, Pyramid.shrinkFactors(g, 3), Pyramid.sigmas(3, 1.5), false);
		assertEquals(3, levels.size());
		assertArrayEquals(data, levels.get(2).data);
		// shrunk by 4, 3 and 2: each axis keeps 16 voxels or more
		assertArrayEquals(new long[] { 16, 16, 20 }, levels.get(0).grid.size());
		for (final LevelImage l : levels) {
			// the outer corner of the first voxel stays where it is
			final double[] corner = l.grid.geometry().indexToPhysical(new double[] { -0.5, -0.5, -0.5 });
			assertArrayEquals(g.geometry().indexToPhysical(new double[] { -0.5, -0.5, -0.5 }), corner, 1e-9);
			// smoothing keeps the mean away from the edges and never invents extremes
			for (final float v : l.data) assertTrue(v >= 5 - 1e-4 && v <= 100 + 1e-4);
		}
	}
}
