package org.medprep.commands.imagej;

import ij.ImagePlus;
import ij.process.LUT;

import java.awt.Color;

/**
 * The one place that marks an output image as a label map and makes it show
 * as one: 0 black, every label its own saturated colour (hues stepped by the
 * golden angle, so neighbouring label numbers differ strongly), and the
 * display range 0..255 so a voxel's value is its colour's index. Without it a
 * map of labels 0..5 opens nearly black in a 0..255 range.
 */
public final class LabelMaps {

	/** ImagePlus property: "true" on label maps. */
	public static final String PROPERTY = "MedPrep.LabelMap";

	private LabelMaps() {}

	/** Marks {@code imp} as a label map and gives it the label colours; returns it. */
	public static ImagePlus mark(final ImagePlus imp) {
		imp.setProp(PROPERTY, "true");
		imp.setLut(lut());
		imp.setDisplayRange(0, 255);
		return imp;
	}

	public static boolean isLabelMap(final ImagePlus imp) {
		return imp != null && "true".equals(imp.getProp(PROPERTY));
	}

	/** The label colour table. */
	public static LUT lut() {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 1; i < 256; i++) {
			final float hue = (float) (((i - 1) * 0.618033988749895) % 1.0);
			final float sat = i % 3 == 0 ? 0.6f : 0.9f;
			final float bri = i % 2 == 0 ? 0.85f : 1f;
			final int rgb = Color.HSBtoRGB(hue, sat, bri);
			r[i] = (byte) (rgb >> 16);
			g[i] = (byte) (rgb >> 8);
			b[i] = (byte) rgb;
		}
		return new LUT(r, g, b);
	}
}
