package org.medprep.core.plot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.core.VoxelSelection;
import org.medprep.core.normalize.IntensityHistograms;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

class HistogramPlotTest {

	@Test
	void densitiesIntegrateToOneAndCurvesAreDrawnInTheirColours() {
		final float[] a = new float[1000], b = new float[1000];
		for (int i = 0; i < a.length; i++) {
			a[i] = i % 10;      // uniform on 0..9
			b[i] = 5 + i % 5;   // uniform on 5..9
		}
		final List<RandomAccessibleInterval<FloatType>> images = List.of(ArrayImgs.floats(a, 10, 10, 10), ArrayImgs.floats(b, 10, 10, 10));
		final IntensityHistograms h = IntensityHistograms.of(images, List.of(VoxelSelection.all(), VoxelSelection.all()), 10, Double.NaN, Double.NaN);
		assertEquals(0, h.min(), 0);
		assertEquals(9, h.max(), 0);
		for (int k = 0; k < 2; k++) {
			double integral = 0;
			for (final double d : h.density(k)) integral += d * 0.9;
			assertEquals(1, integral, 1e-12);
		}
		assertEquals(0, h.density(1)[0], 0);
		final ArgbRaster r = HistogramPlot.render(h, 400, 300, "before", List.of("t1-a", "t1-b"));
		int first = 0, second = 0;
		for (final int p : r.pixels()) {
			if (p == HistogramPlot.colour(0)) first++;
			if (p == HistogramPlot.colour(1)) second++;
		}
		assertTrue(first > 100 && second > 100, first + " / " + second);
		assertEquals(600, ArgbRaster.stack(r, r).height());
	}

	@Test
	void ticksAndLabels() {
		assertArrayEquals(new double[] { 0, 200, 400, 600, 800, 1000 }, HistogramPlot.ticks(0, 1000), 1e-9);
		assertArrayEquals(new double[] { -2, -1, 0, 1, 2 }, HistogramPlot.ticks(-2.3, 2.4), 1e-9);
		assertEquals("0.25", HistogramPlot.format(0.25));
		assertEquals("1000", HistogramPlot.format(1000));
		assertEquals("2.0e-4", HistogramPlot.format(2e-4));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> IntensityHistograms.of(List.of(ArrayImgs.floats(2, 2, 2)), List.of(VoxelSelection.all()), 10, Double.NaN, Double.NaN));
		assertEquals("histogram range is empty: [0.0, 0.0]", e.getMessage());
	}
}
