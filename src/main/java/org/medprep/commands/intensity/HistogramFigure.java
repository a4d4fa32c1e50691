package org.medprep.commands.intensity;

import ij.ImagePlus;
import ij.gui.Plot;
import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.awt.Color;
import java.util.List;

import org.medprep.core.normalize.IntensityHistograms;

/**
 * The figure of {@code Intensity Histograms}: one ImageJ {@link Plot} panel per
 * set of images, their density curves overlaid (matplotlib's tab10 colours, so
 * the figure reads like the Python one it replaces) with a legend of image
 * titles, panels stacked top to bottom into one RGB image. Drawn with ImageJ's
 * own plotting so axes, fonts and ticks look like every other Fiji plot; it
 * renders headless too.
 */
final class HistogramFigure {

	/** matplotlib's tab10 colours. */
	private static final int[] PALETTE = { 0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf };

	private HistogramFigure() {}

	/** Colour of the k-th curve. */
	static Color colour(final int k) {
		return new Color(PALETTE[k % PALETTE.length]);
	}

	/**
	 * One panel of {@code width} x {@code height} pixels.
	 *
	 * @param caption written in the top-left corner of the plot area (may be empty)
	 * @param names one per curve, for the legend
	 */
	static ColorProcessor panel(final IntensityHistograms h, final List<String> names, final String caption, final int width, final int height) {
		if (names.size() != h.count()) throw new IllegalArgumentException("legend has " + names.size() + " names for " + h.count() + " curves");
		final Plot plot = new Plot(caption.isEmpty() ? "Intensity Histograms" : caption, "intensity", "density");
		plot.setSize(width, height);
		final double[] x = new double[h.bins()];
		for (int b = 0; b < x.length; b++) x[b] = h.binCentre(b);
		double top = 0;
		for (int k = 0; k < h.count(); k++)
			for (final double d : h.density(k)) top = Math.max(top, d);
		plot.setLimits(h.min(), h.max(), 0, top > 0 ? top * 1.05 : 1);
		plot.setLineWidth(2);
		for (int k = 0; k < h.count(); k++) {
			plot.setColor(colour(k));
			plot.addPoints(x, h.density(k), Plot.LINE);
		}
		plot.setColor(Color.black);
		plot.setLineWidth(1);
		plot.addLegend(String.join("\n", names), "top-right");
		if (!caption.isEmpty()) plot.addLabel(0.02, 0.06, caption);
		final ImageProcessor ip = plot.getProcessor();
		return (ColorProcessor) ip.convertToRGB();
	}

	/** Panels one above the other, as wide as the widest. */
	static ColorProcessor stack(final List<ColorProcessor> panels) {
		int w = 0, h = 0;
		for (final ColorProcessor p : panels) {
			w = Math.max(w, p.getWidth());
			h += p.getHeight();
		}
		final ColorProcessor out = new ColorProcessor(w, h);
		out.setColor(Color.white);
		out.fill();
		int y = 0;
		for (final ColorProcessor p : panels) {
			out.insert(p, 0, y);
			y += p.getHeight();
		}
		return out;
	}

	static ImagePlus image(final List<ColorProcessor> panels) {
		return new ImagePlus("Intensity Histograms", stack(panels));
	}
}
