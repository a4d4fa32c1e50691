package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.Cursor;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

class OrthogonalMidSlicesTest {

	@Test
	void panelsHavePhysicalAspectAndSuperiorUp() {
		// value = 1000 z + 10 y + x/10 on 10 x 6 x 4 voxels of 1 x 1 x 3 mm
		final ArrayImg<FloatType, ?> img = ArrayImgs.floats(10, 6, 4);
		final Cursor<FloatType> c = img.localizingCursor();
		while (c.hasNext()) {
			c.fwd();
			c.get().set(1000 * c.getIntPosition(2) + 10 * c.getIntPosition(1) + c.getIntPosition(0) / 10f);
		}
		final Volume<FloatType> out = OrthogonalMidSlices.of(Volume.of(img, Geometry.of(new double[] { 1, 1, 3 }, new double[3])), -1);
		// sagittal 6 wide, coronal 10, axial 10, two gaps of 4; height = 4 slices x 3 mm = 12
		assertArrayEquals(new long[] { 6 + 4 + 10 + 4 + 10, 12, 1 }, out.dimensions());
		final float[] v = FloatVolumes.read(out.data());
		final int w = 34;
		// sagittal panel (x = 5): top row is the last slice (z = 3), bottom row the first
		assertEquals(3000 + 0 + 0.5, v[0], 1e-3);
		assertEquals(0 + 50 + 0.5, v[11 * w + 5], 1e-3);
		// the gap
		assertEquals(-1, v[6], 0);
		// axial panel (z = 2) is 6 rows high, bottom-aligned: rows 6..11, column = x, row = y
		assertEquals(-1, v[0 * w + 24], 0);
		assertEquals(2000 + 0 + 0, v[6 * w + 24], 1e-3);
		assertEquals(2000 + 50 + 0.9, v[11 * w + 33], 1e-3);
	}
}
