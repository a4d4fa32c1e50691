package org.medprep.core.contour;

/**
 * Fills a closed polygon on a pixel grid: a pixel is filled when its centre
 * (integer coordinates x = column, y = row) is inside the polygon or on its
 * boundary (an edge or a vertex). This is the rule of scikit-image's
 * {@code skimage.draw.polygon} (O'Rourke's crossing test with left and right
 * crossings, vertices within 1e-12), evaluated the same way, so the two give
 * the same pixels; the polygon closes itself from the last vertex to the
 * first.
 * <p>
 * Each row only tests the edges that cross it, so a fill costs about
 * (rows x columns of the bounding box) x (edges crossing a row) operations.
 * Filling toggles the pixels of a mask ({@link #toggle}), so filling several
 * contours of one region combines them by the even-odd rule: a contour inside
 * another makes a hole.
 */
public final class PolygonFill {

	/** Vertex tolerance of the crossing test (as scikit-image). */
	private static final double VERTEX_EPS = 1e-12;

	private PolygonFill() {}

	/**
	 * Toggles {@code mask[y * width + x]} for every pixel of the polygon
	 * inside the {@code width x height} grid.
	 *
	 * @param xs vertex columns (pixel units, the centre of pixel 0 is 0)
	 * @param ys vertex rows
	 * @param count number of vertices used (3 or more; fewer fill nothing)
	 * @return the number of pixels toggled
	 * @throws IllegalArgumentException for non-finite coordinates or arrays shorter than {@code count}
	 */
	public static int toggle(final double[] xs, final double[] ys, final int count, final boolean[] mask, final int width, final int height) {
		if (xs.length < count || ys.length < count) throw new IllegalArgumentException("polygon has fewer coordinates than " + count);
		if (mask.length < (long) width * height) throw new IllegalArgumentException("mask smaller than " + width + "x" + height);
		if (count < 3) return 0;
		double minX = Double.POSITIVE_INFINITY, maxX = Double.NEGATIVE_INFINITY, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
		for (int i = 0; i < count; i++) {
			if (!Double.isFinite(xs[i]) || !Double.isFinite(ys[i])) throw new IllegalArgumentException("polygon vertex " + i + " is not finite");
			minX = Math.min(minX, xs[i]);
			maxX = Math.max(maxX, xs[i]);
			minY = Math.min(minY, ys[i]);
			maxY = Math.max(maxY, ys[i]);
		}
		// the candidate pixels, as skimage: floor of the minimum (not below 0) to ceil of the maximum (not beyond the grid)
		final long r0 = Math.max(0, (long) Math.floor(Math.max(0, minY)));
		final long r1 = Math.min(height - 1L, (long) Math.ceil(maxY));
		final long c0 = Math.max(0, (long) Math.floor(Math.max(0, minX)));
		final long c1 = Math.min(width - 1L, (long) Math.ceil(maxX));
		if (r0 > r1 || c0 > c1) return 0;
		final int[] crossing = new int[count];
		int toggled = 0;
		for (long r = r0; r <= r1; r++) {
			final double y = r;
			// edges (i-1, i) whose ends are not both strictly above or both strictly below the row, or that touch it
			int n = 0;
			boolean vertexOnRow = false;
			for (int i = 0; i < count; i++) {
				final int j = i == 0 ? count - 1 : i - 1;
				final double y0 = ys[i] - y;
				final double y1 = ys[j] - y;
				if ((y0 > 0) != (y1 > 0) || (y0 < 0) != (y1 < 0)) crossing[n++] = i;
				if (-VERTEX_EPS < y0 && y0 < VERTEX_EPS) vertexOnRow = true;
			}
			if (n == 0 && !vertexOnRow) continue;
			final int rowStart = (int) (r * width);
			for (long c = c0; c <= c1; c++) {
				if (inside(xs, ys, count, crossing, n, vertexOnRow, c, y)) {
					final int k = rowStart + (int) c;
					mask[k] = !mask[k];
					toggled++;
				}
			}
		}
		return toggled;
	}

	/** The crossing test of skimage's point_in_polygon for the point (x, y), over the edges that can cross its row. */
	private static boolean inside(final double[] xs, final double[] ys, final int count, final int[] crossing, final int n,
		final boolean vertexOnRow, final double x, final double y)
	{
		if (vertexOnRow) {
			for (int i = 0; i < count; i++) {
				final double x0 = xs[i] - x;
				final double y0 = ys[i] - y;
				if (-VERTEX_EPS < x0 && x0 < VERTEX_EPS && -VERTEX_EPS < y0 && y0 < VERTEX_EPS) return true;
			}
		}
		int right = 0;
		int left = 0;
		for (int e = 0; e < n; e++) {
			final int i = crossing[e];
			final int j = i == 0 ? count - 1 : i - 1;
			final double x0 = xs[i] - x;
			final double y0 = ys[i] - y;
			final double x1 = xs[j] - x;
			final double y1 = ys[j] - y;
			if ((y0 > 0) != (y1 > 0) && (x0 * y1 - x1 * y0) / (y1 - y0) > 0) right++;
			if ((y0 < 0) != (y1 < 0) && (x0 * y1 - x1 * y0) / (y1 - y0) < 0) left++;
		}
		// on an edge when the parities differ; inside when the right crossings are odd
		return (right & 1) != (left & 1) || (right & 1) == 1;
	}
}
