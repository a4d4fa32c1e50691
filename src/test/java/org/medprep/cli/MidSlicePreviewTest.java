package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ij.process.ByteProcessor;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

class MidSlicePreviewTest {

	/** The demo's preview is the Orthogonal Mid-Slices picture, [min, max] mapped to 0..255, gaps black. */
	@Test
	void isTheMidSlicesPictureInGreyLevels() {
		final float[] values = new float[10 * 6 * 4];
		for (int z = 0; z < 4; z++)
			for (int i = 0; i < 60; i++) values[z * 60 + i] = 100 * z; // 0, 100, 200, 300 from inferior to superior
		final Volume<FloatType> v = Volume.of(ArrayImgs.floats(values, 10, 6, 4), Geometry.of(new double[] { 1, 1, 3 }, new double[3]));
		final ByteProcessor bp = MidSlicePreview.render(v, 0, 300);
		// sagittal 6 + gap 4 + coronal 10 + gap 4 + axial 10 wide; 4 slices of 3 mm high
		assertEquals(34, bp.getWidth());
		assertEquals(12, bp.getHeight());
		assertEquals(255, bp.get(0, 0), "top row of the sagittal panel: the superior slice, at max");
		assertEquals(0, bp.get(0, 11), "bottom row: the inferior slice, at min");
		assertEquals(0, bp.get(7, 5), "the gap is black");
		assertEquals(170, bp.get(30, 9), "the axial panel is slice 2 (200 of 0..300)");
	}
}
