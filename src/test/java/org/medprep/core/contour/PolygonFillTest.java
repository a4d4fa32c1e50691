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
}
