package org.medprep.core.contour;

import java.util.Arrays;

/**
 * Fills a closed polygon on a pixel grid: a pixel is filled when its centre
 * (integer coordinates x = column, y = row) is inside the polygon or on its
 * boundary (an edge or a vertex). This is the rule of scikit-image's
 * {@code skimage.draw.polygon} (O'Rourke's crossing test with left and right
 * crossings, vertices within 1e-12), evaluated the same way, so the two give
 * the same pixels; the polygon closes itself from the last vertex to the
 * first.
 * <p>
 * Each row only tests the edges that cross it, and only pixels near a
 * crossing one by one: the pixels between two crossings all get the answer
 * of the first of them, so a fill costs about rows x (columns + crossings x
 * edges crossing the row) operations.
 * Filling toggles the pixels of a mask ({@link #toggle}), so filling several
 * contours of one region combines them by the even-odd rule: a contour inside
 * another makes a hole.
 */
public final class PolygonFill {

	/** Vertex tolerance of the crossing test (as scikit-image). */
	private static final double VERTEX_EPS = 1e-12;
	/** Pixels this close to where an edge crosses their row are tested one by one (far more than rounding can move a crossing). */
	private static final double NEAR = 1.5;

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
		final double[] at = new double[count];
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
				if ((y0 > 0) != (y1 > 0) || (y0 < 0) != (y1 < 0)) {
					// where the edge meets the row (for finding spans only; the test itself is exact)
					at[n] = y1 == y0 ? xs[i] : xs[i] + (xs[j] - xs[i]) * (y0 / (y0 - y1));
					crossing[n++] = i;
				}
				if (-VERTEX_EPS < y0 && y0 < VERTEX_EPS) vertexOnRow = true;
			}
			if (n == 0 && !vertexOnRow) continue;
			final int rowStart = (int) (r * width);
			if (vertexOnRow) {
				// a vertex on the row: every pixel tested (rare; vertices are within 1e-12 of a pixel row)
				for (long c = c0; c <= c1; c++)
					if (inside(xs, ys, count, crossing, n, true, c, y)) {
						final int k = rowStart + (int) c;
						mask[k] = !mask[k];
						toggled++;
					}
				continue;
			}
			// The test's answer only changes where an edge crosses the row: pixels within 1.5 of a crossing are
			// tested one by one, and each run of pixels between them takes the answer of its first pixel.
			final double[] sorted = Arrays.copyOf(at, n);
			Arrays.sort(sorted);
			int next = 0;
			long c = c0;
			while (c <= c1) {
				while (next < n && sorted[next] < c - NEAR) next++;
				final boolean near = next < n && sorted[next] <= c + NEAR;
				final long end = near ? c : Math.min(c1, next < n ? (long) Math.ceil(sorted[next] - NEAR) - 1 : c1);
				final boolean in = inside(xs, ys, count, crossing, n, false, c, y);
				if (in) {
					for (long x = c; x <= Math.max(c, end); x++) {
						final int k = rowStart + (int) x;
						mask[k] = !mask[k];
					}
					toggled += (int) (Math.max(c, end) - c + 1);
				}
				c = Math.max(c, end) + 1;
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
