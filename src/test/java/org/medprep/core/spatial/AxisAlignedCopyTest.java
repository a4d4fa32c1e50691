package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.real.FloatType;

/** Whole-voxel axis maps are copied, with the values the general resampling path gives. */
class AxisAlignedCopyTest {

	@Test
	void flipsAreCopiedAndRotationsAreNot() {
		final double[] v = new double[6 * 5 * 4];
		for (int i = 0; i < v.length; i++) v[i] = Math.sin(i) * 100;
		final Volume<FloatType> vol = Volume.of(TestVolumes.floats(new long[] { 6, 5, 4 }, v).data(), Geometry.of(new double[] { 1, 2, 3 }, new double[] { 4, 5, 6 }));
		final Grid grid = Grid.of(vol);
		final SpatialPlan flip = new Flip(true, false, true).plan(grid);
		final double[][] m = grid.indexToPhysical().inverse().after(flip.pullBack()).after(flip.target().indexToPhysical()).matrix();
		final float[] copy = AxisAlignedCopy.of(vol.data(), m, flip.target()).getPlane(0).getCurrentStorageArray();
		assertEquals(v[5 + 6 * (0 + 5 * 3)], copy[0], 1e-4, "x and z reversed");
		assertNotNull(AxisAlignedCopy.of(vol.data(), SpatialPlan.identity(grid).pullBack().matrix(), grid));
		final SpatialPlan rotate = new Rotate(0, 0, 10).plan(grid);
		assertNull(AxisAlignedCopy.of(vol.data(), grid.indexToPhysical().inverse().after(rotate.pullBack()).after(rotate.target().indexToPhysical()).matrix(),
			rotate.target()));
		// through the resampler: the same as reading the flipped voxels
		final double[] out = TestVolumes.values(flip.apply(vol, Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, 0)).data());
		for (int z = 0; z < 4; z++)
			for (int y = 0; y < 5; y++)
				for (int x = 0; x < 6; x++) assertEquals((float) v[(5 - x) + 6 * (y + 5 * (3 - z))], out[x + 6 * (y + 5 * z)], 0);
	}
}
