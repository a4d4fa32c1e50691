package org.medprep.core.plot;

import java.math.BigDecimal;

import org.medprep.core.normalize.IntensityHistograms;

/**
 * Draws {@link IntensityHistograms} as overlaid line plots into an
 * {@link ArgbRaster}: white background, axes with "nice" ticks labelled in a
 * built-in 3x5 pixel font (no AWT), one colour per image (matplotlib's tab10
 * cycle), and an optional short caption in the top-left corner (digits,
 * letters and a few signs).
 */
public final class HistogramPlot {

	/** matplotlib's tab10 colours. */
	private static final int[] PALETTE = { 0x1f77b4, 0xff7f0e, 0x2ca02c, 0xd62728, 0x9467bd, 0x8c564b, 0xe377c2, 0x7f7f7f, 0xbcbd22, 0x17becf };
	private static final int WHITE = 0xffffffff, BLACK = 0xff000000, GREY = 0xffdddddd;
	private static final int SCALE = 2; // font pixel size
	private static final int LEFT = 70, RIGHT = 12, TOP = 24, BOTTOM = 34;

	private HistogramPlot() {}

	/** Colour (opaque ARGB) of the k-th curve. */
	public static int colour(final int k) {
		return 0xff000000 | PALETTE[k % PALETTE.length];
	}

	/**
	 * @param caption drawn top left in upper case (may be empty)
	 * @throws IllegalArgumentException if the raster would be smaller than 160x120
	 */
	public static ArgbRaster render(final IntensityHistograms h, final int width, final int height, final String caption) {
		return render(h, width, height, caption, null);
	}

	/**
	 * As {@link #render(IntensityHistograms, int, int, String)}, with a legend in
	 * the top-right corner: a colour swatch and the name of each curve (upper
	 * case; characters the font lacks are left blank).
	 *
	 * @param names one per curve, or null for no legend
	 */
	public static ArgbRaster render(final IntensityHistograms h, final int width, final int height, final String caption, final java.util.List<String> names) {
		if (names != null && names.size() != h.count())
			throw new IllegalArgumentException("legend has " + names.size() + " names for " + h.count() + " curves");
		if (width < 160 || height < 120) throw new IllegalArgumentException("plot must be at least 160x120 pixels, got " + width + "x" + height);
		final ArgbRaster r = new ArgbRaster(width, height);
		r.fill(WHITE);
		final int x0 = LEFT, x1 = width - RIGHT, y0 = height - BOTTOM, y1 = TOP;
		double top = 0;
		for (int k = 0; k < h.count(); k++)
			for (final double d : h.density(k)) top = Math.max(top, d);
		if (top == 0) top = 1;
		top *= 1.05;

		// grid and ticks
		final double[] xt = ticks(h.min(), h.max());
		for (final double t : xt) {
			final int px = (int) Math.round(x0 + (t - h.min()) / (h.max() - h.min()) * (x1 - x0));
			if (px < x0 || px > x1) continue;
			vline(r, px, y1, y0 - 1, GREY);
			vline(r, px, y0, y0 + 4, BLACK);
			final String s = format(t);
			text(r, px - textWidth(s) / 2, y0 + 8, s, BLACK);
		}
		final double[] yt = ticks(0, top);
		for (final double t : yt) {
			final int py = (int) Math.round(y0 - t / top * (y0 - y1));
			if (py < y1 || py > y0) continue;
			hline(r, x0 + 1, x1, py, GREY);
			hline(r, x0 - 4, x0, py, BLACK);
			final String s = format(t);
			text(r, x0 - 7 - textWidth(s), py - 5 * SCALE / 2, s, BLACK);
		}
		// curves
		final int bins = h.bins();
		for (int k = 0; k < h.count(); k++) {
			final double[] d = h.density(k);
			int px = -1, py = -1;
			for (int b = 0; b < bins; b++) {
				final int x = (int) Math.round(x0 + (h.binCentre(b) - h.min()) / (h.max() - h.min()) * (x1 - x0));
				final int y = (int) Math.round(y0 - d[b] / top * (y0 - y1));
				if (px >= 0) line(r, px, py, x, y, colour(k));
				px = x;
				py = y;
			}
		}
		// axes
		hline(r, x0, x1, y0, BLACK);
		vline(r, x0, y1, y0, BLACK);
		if (caption != null && !caption.isEmpty()) text(r, x0 + 6, 6, caption.toUpperCase(), BLACK);
		if (names != null) {
			int widest = 0;
			for (final String n : names) widest = Math.max(widest, textWidth(shorten(n)));
			final int lx = Math.max(x0 + 4, x1 - widest - 22);
			for (int k = 0; k < names.size(); k++) {
				final int ly = y1 + 4 + k * 7 * SCALE;
				if (ly + 5 * SCALE > y0) break;
				for (int dy = 0; dy < 5 * SCALE; dy++) hline(r, lx, lx + 10, ly + dy, colour(k));
				text(r, lx + 14, ly, shorten(names.get(k)), BLACK);
			}
		}
		return r;
	}

	/** Ticks at 1, 2 or 5 times a power of ten, about 5 of them over [lo, hi]. */
	static double[] ticks(final double lo, final double hi) {
		final double raw = (hi - lo) / 5;
		final double p = Math.pow(10, Math.floor(Math.log10(raw)));
		final double step = raw / p < 1.5 ? p : raw / p < 3.5 ? 2 * p : raw / p < 7.5 ? 5 * p : 10 * p;
		final double first = Math.ceil(lo / step) * step;
		final int n = (int) Math.floor((hi - first) / step + 1e-9) + 1;
		final double[] t = new double[Math.max(0, n)];
		for (int i = 0; i < t.length; i++) t[i] = first + i * step;
		return t;
	}

	/** Short tick label: plain decimal without trailing zeros, or e-notation for very large or small values. */
	static String format(final double v) {
		if (v == 0) return "0";
		final double a = Math.abs(v);
		if (a >= 1e5 || a < 1e-3) {
			final String s = String.format(java.util.Locale.ROOT, "%.1e", v);
			return s.replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
		}
		return new BigDecimal(String.format(java.util.Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
	}

	private static void hline(final ArgbRaster r, final int xa, final int xb, final int y, final int c) {
		for (int x = xa; x <= xb; x++) r.set(x, y, c);
	}

	private static void vline(final ArgbRaster r, final int x, final int ya, final int yb, final int c) {
		for (int y = ya; y <= yb; y++) r.set(x, y, c);
	}

	/** Bresenham, 2 pixels thick vertically for visibility. */
	private static void line(final ArgbRaster r, int x, int y, final int x2, final int y2, final int c) {
		final int dx = Math.abs(x2 - x), dy = -Math.abs(y2 - y);
		final int sx = x < x2 ? 1 : -1, sy = y < y2 ? 1 : -1;
		int err = dx + dy;
		while (true) {
			r.set(x, y, c);
			r.set(x, y - 1, c);
			if (x == x2 && y == y2) return;
			final int e2 = 2 * err;
			if (e2 >= dy) {
				err += dy;
				x += sx;
			}
			if (e2 <= dx) {
				err += dx;
				y += sy;
			}
		}
	}

	// ---- a 3x5 pixel font: each glyph is 5 rows of 3 bits

	private static final String GLYPHS = "0123456789.-+eABCDEFGHIJKLMNOPQRSTUVWXYZ :/()%,_=";
	private static final int[][] FONT = {
		{ 7, 5, 5, 5, 7 }, { 2, 6, 2, 2, 7 }, { 7, 1, 7, 4, 7 }, { 7, 1, 7, 1, 7 }, { 5, 5, 7, 1, 1 }, // 0-4
		{ 7, 4, 7, 1, 7 }, { 7, 4, 7, 5, 7 }, { 7, 1, 1, 2, 2 }, { 7, 5, 7, 5, 7 }, { 7, 5, 7, 1, 7 }, // 5-9
		{ 0, 0, 0, 0, 2 }, { 0, 0, 7, 0, 0 }, { 0, 2, 7, 2, 0 }, { 0, 7, 5, 6, 7 }, // . - + e
		{ 2, 5, 7, 5, 5 }, { 6, 5, 6, 5, 6 }, { 7, 4, 4, 4, 7 }, { 6, 5, 5, 5, 6 }, { 7, 4, 6, 4, 7 }, { 7, 4, 6, 4, 4 }, // A-F
		{ 7, 4, 5, 5, 7 }, { 5, 5, 7, 5, 5 }, { 7, 2, 2, 2, 7 }, { 1, 1, 1, 5, 7 }, { 5, 5, 6, 5, 5 }, { 4, 4, 4, 4, 7 }, // G-L
		{ 5, 7, 7, 5, 5 }, { 6, 5, 5, 5, 5 }, { 7, 5, 5, 5, 7 }, { 7, 5, 7, 4, 4 }, { 7, 5, 5, 7, 1 }, { 6, 5, 6, 5, 5 }, // M-R
		{ 7, 4, 7, 1, 7 }, { 7, 2, 2, 2, 2 }, { 5, 5, 5, 5, 7 }, { 5, 5, 5, 5, 2 }, { 5, 5, 7, 7, 5 }, { 5, 5, 2, 5, 5 }, // S-X
		{ 5, 5, 2, 2, 2 }, { 7, 1, 2, 4, 7 }, // Y Z
		{ 0, 0, 0, 0, 0 }, { 0, 2, 0, 2, 0 }, { 1, 1, 2, 4, 4 }, { 1, 2, 2, 2, 1 }, { 4, 2, 2, 2, 4 }, { 5, 1, 2, 4, 5 }, // space : / ( ) %
		{ 0, 0, 0, 2, 4 }, { 0, 0, 0, 0, 7 }, { 0, 7, 0, 7, 0 } // , _ =
	};

	/** Legend names: upper case, at most 24 characters. */
	private static String shorten(final String name) {
		final String u = name.toUpperCase(java.util.Locale.ROOT);
		return u.length() <= 24 ? u : u.substring(0, 23) + ".";
	}

	static int textWidth(final String s) {
		return s.length() * 4 * SCALE - SCALE;
	}

	/** Draws text with its top-left corner at (x, y); characters without a glyph are left blank. */
	static void text(final ArgbRaster r, final int x, final int y, final String s, final int c) {
		for (int k = 0; k < s.length(); k++) {
			final int g = GLYPHS.indexOf(s.charAt(k));
			if (g < 0) continue;
			final int[] rows = FONT[g];
			for (int row = 0; row < 5; row++)
				for (int col = 0; col < 3; col++) {
					if ((rows[row] >> (2 - col) & 1) == 0) continue;
					for (int a = 0; a < SCALE; a++)
						for (int b = 0; b < SCALE; b++)
							r.set(x + k * 4 * SCALE + col * SCALE + a, y + row * SCALE + b, c);
				}
		}
	}
}
