package org.medprep.core.contour;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Known answers of the fill rule (pixel centres inside or on the boundary), worked out by hand. */
class PolygonFillTest {

	private static String fill(final double[] xs, final double[] ys, final int w, final int h) {
		final boolean[] m = new boolean[w * h];
		PolygonFill.toggle(xs, ys, xs.length, m, w, h);
		final StringBuilder sb = new StringBuilder();
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) sb.append(m[y * w + x] ? '#' : '.');
			sb.append('\n');
		}
		return sb.toString();
	}

	@Test
	void squareThroughPixelCentresKeepsItsBoundary() {
		assertEquals(".....\n.###.\n.###.\n.###.\n.....\n", fill(new double[] { 1, 3, 3, 1 }, new double[] { 1, 1, 3, 3 }, 5, 5));
	}

	@Test
	void squareBetweenPixelCentresHoldsTheCentresInside() {
		// 0.5..2.5 holds the centres 1 and 2
		assertEquals("....\n.##.\n.##.\n....\n", fill(new double[] { 0.5, 2.5, 2.5, 0.5 }, new double[] { 0.5, 0.5, 2.5, 2.5 }, 4, 4));
	}

	@Test
	void triangleWithADiagonalEdgeThroughCentres() {
		// (0,0) (4,0) (0,4): x + y <= 4, the diagonal edge passes through (1,3), (2,2), (3,1)
		assertEquals("#####\n####.\n###..\n##...\n#....\n", fill(new double[] { 0, 4, 0 }, new double[] { 0, 0, 4 }, 5, 5));
	}

	@Test
	void clippedToTheGridAndFarAwayFillsNothing() {
		assertEquals("##\n##\n", fill(new double[] { -5, 7, 7, -5 }, new double[] { -5, -5, 7, 7 }, 2, 2));
		assertEquals("..\n..\n", fill(new double[] { 10, 12, 11 }, new double[] { 10, 10, 12 }, 2, 2));
		assertEquals("..\n..\n", fill(new double[] { 0, 1 }, new double[] { 0, 1 }, 2, 2)); // two points enclose nothing
	}

	@Test
	void togglingTwiceCutsAHole() {
		final boolean[] m = new boolean[25];
		PolygonFill.toggle(new double[] { 0, 4, 4, 0 }, new double[] { 0, 0, 4, 4 }, 4, m, 5, 5);
		final int inner = PolygonFill.toggle(new double[] { 1.5, 2.5, 2.5, 1.5 }, new double[] { 1.5, 1.5, 2.5, 2.5 }, 4, m, 5, 5);
		assertEquals(1, inner);
		int set = 0;
		for (final boolean b : m) set += b ? 1 : 0;
		assertEquals(24, set);
		assertEquals(false, m[2 * 5 + 2]);
	}

	@Test
	void nonFiniteVerticesAreRefused() {
		assertThrows(IllegalArgumentException.class, () -> PolygonFill.toggle(new double[] { 0, Double.NaN, 1 }, new double[] { 0, 1, 1 }, 3, new boolean[4], 2, 2));
	}

	/** skimage's point_in_polygon, transcribed plainly: every pixel against every edge. */
	private static boolean reference(final double[] xp, final double[] yp, final double x, final double y) {
		int right = 0, left = 0;
		double x1 = xp[xp.length - 1] - x, y1 = yp[yp.length - 1] - y;
		for (int i = 0; i < xp.length; i++) {
			final double x0 = xp[i] - x, y0 = yp[i] - y;
			if (-1e-12 < x0 && x0 < 1e-12 && -1e-12 < y0 && y0 < 1e-12) return true;
			if ((y0 > 0) != (y1 > 0) && (x0 * y1 - x1 * y0) / (y1 - y0) > 0) right++;
			if ((y0 < 0) != (y1 < 0) && (x0 * y1 - x1 * y0) / (y1 - y0) < 0) left++;
			x1 = x0;
			y1 = y0;
		}
		return (right & 1) != (left & 1) || (right & 1) == 1;
	}

	/** The span filling gives the pixels of the plain per-pixel test, on random polygons, some with vertices on pixel centres. */
	@Test
	void sameAsThePlainTestOnRandomPolygons() {
		final java.util.Random random = new java.util.Random(13);
		final int w = 40, h = 30;
		long filled = 0;
		for (int round = 0; round < 400; round++) {
			final int n = 3 + random.nextInt(30);
			final double[] xs = new double[n], ys = new double[n];
			final boolean onGrid = round % 3 == 0;
			for (int i = 0; i < n; i++) {
				xs[i] = onGrid ? random.nextInt(w + 10) - 5 : random.nextDouble() * (w + 10) - 5;
				ys[i] = onGrid ? random.nextInt(h + 10) - 5 : random.nextDouble() * (h + 10) - 5;
			}
			final boolean[] m = new boolean[w * h];
			PolygonFill.toggle(xs, ys, n, m, w, h);
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					assertEquals(reference(xs, ys, x, y), m[y * w + x], "round " + round + " pixel " + x + "," + y);
					filled += m[y * w + x] ? 1 : 0;
				}
		}
		org.junit.jupiter.api.Assertions.assertTrue(filled > 10000, "filled " + filled);
	}
}
