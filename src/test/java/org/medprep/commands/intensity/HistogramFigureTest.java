package org.medprep.commands.intensity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ij.process.ColorProcessor;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.core.VoxelSelection;
import org.medprep.core.normalize.IntensityHistograms;
import org.medprep.core.segment.MaskRule;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** The histogram figure drawn with ImageJ's Plot: one curve colour per image, a panel per set, stacked. */
class HistogramFigureTest {

	private static RandomAccessibleInterval<FloatType> ramp(final float lo, final float hi) {
		final float[] v = new float[32 * 32 * 4];
		for (int i = 0; i < v.length; i++) v[i] = lo + (hi - lo) * i / (v.length - 1);
		return ArrayImgs.floats(v, 32, 32, 4);
	}

	private static IntensityHistograms two() {
		final List<RandomAccessibleInterval<? extends RealType<?>>> data = Arrays.asList(ramp(1, 100), ramp(50, 200));
		final List<VoxelSelection> fg = Arrays.asList(MaskRule.POSITIVE.select(data.get(0)), MaskRule.POSITIVE.select(data.get(1)));
		return IntensityHistograms.of(data, fg, 50, Double.NaN, Double.NaN);
	}

	private static int count(final ColorProcessor p, final int rgb) {
		int n = 0;
		for (final int v : (int[]) p.getPixels()) if ((v & 0xffffff) == rgb) n++;
		return n;
	}

	@Test
	void eachImageHasItsOwnColouredCurve() {
		final ColorProcessor p = HistogramFigure.panel(two(), List.of("a", "b"), "before", 400, 300);
		assertEquals(400, p.getWidth());
		assertEquals(300, p.getHeight());
		final int first = count(p, HistogramFigure.colour(0).getRGB() & 0xffffff);
		final int second = count(p, HistogramFigure.colour(1).getRGB() & 0xffffff);
		// each curve spans most of the plot width, 2 pixels thick: well over 100 pixels each
		assertTrue(first > 100, "first curve pixels: " + first);
		assertTrue(second > 100, "second curve pixels: " + second);
		assertEquals(0, count(p, HistogramFigure.colour(2).getRGB() & 0xffffff), "no third curve");
	}

	@Test
	void panelsStackTopToBottom() {
		final IntensityHistograms h = two();
		final ColorProcessor top = HistogramFigure.panel(h, List.of("a", "b"), "before", 300, 200);
		final ColorProcessor bottom = HistogramFigure.panel(h, List.of("a", "b"), "after", 300, 200);
		final ColorProcessor both = HistogramFigure.stack(List.of(top, bottom));
		assertEquals(300, both.getWidth());
		assertEquals(400, both.getHeight());
		assertEquals(top.getPixel(150, 100), both.getPixel(150, 100));
		assertEquals(bottom.getPixel(150, 100), both.getPixel(150, 300));
	}

	@Test
	void legendMustNameEveryCurve() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> HistogramFigure.panel(two(), List.of("a"), "", 300, 200));
		assertEquals("legend has 1 names for 2 curves", e.getMessage());
	}
}
