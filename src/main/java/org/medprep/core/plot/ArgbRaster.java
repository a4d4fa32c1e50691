package org.medprep.core.plot;

/** A packed ARGB image (0xAARRGGBB, row by row), ready for an ImageJ ColorProcessor or an AWT image. */
public final class ArgbRaster {

	private final int width;
	private final int height;
	private final int[] pixels;

	public ArgbRaster(final int width, final int height) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("raster must be at least 1x1, got " + width + "x" + height);
		this.width = width;
		this.height = height;
		this.pixels = new int[width * height];
	}

	public int width() { return width; }
	public int height() { return height; }

	/** The pixels, shared (not copied). */
	public int[] pixels() { return pixels; }

	public int get(final int x, final int y) { return pixels[y * width + x]; }

	/** Sets a pixel; positions outside the raster are ignored. */
	public void set(final int x, final int y, final int argb) {
		if (x >= 0 && y >= 0 && x < width && y < height) pixels[y * width + x] = argb;
	}

	public void fill(final int argb) {
		java.util.Arrays.fill(pixels, argb);
	}

	/** {@code top} above {@code bottom}, widths must match. */
	public static ArgbRaster stack(final ArgbRaster top, final ArgbRaster bottom) {
		if (top.width != bottom.width) throw new IllegalArgumentException("rasters differ in width: " + top.width + " vs " + bottom.width);
		final ArgbRaster out = new ArgbRaster(top.width, top.height + bottom.height);
		System.arraycopy(top.pixels, 0, out.pixels, 0, top.pixels.length);
		System.arraycopy(bottom.pixels, 0, out.pixels, top.pixels.length, bottom.pixels.length);
		return out;
	}
}
