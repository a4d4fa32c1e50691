package org.medprep.core.spatial;

import java.util.SplittableRandom;

/**
 * A smooth displacement given by cubic B-spline coefficients on a coarse
 * grid of control points (TorchIO's {@code RandomElasticDeformation}, itself
 * SimpleITK's {@code BSplineTransform}). With {@code k} control points along
 * an axis, points 1 to k-2 span the image from the first to the last voxel
 * centre (mesh of k-3 intervals); the outer ones only shape the spline near
 * the edges. Values are mm along the grid axes. Evaluated per output row, so
 * no dense field is stored.
 */
public final class ControlGridDisplacementField implements DisplacementField {

	private final Grid grid;
	private final int[] k;
	/** [component][(cz * ky + cy) * kx + cx], mm along the grid axes */
	private final double[][] coefficients;
	private final double[][] direction;

	public ControlGridDisplacementField(final Grid grid, final int[] controlPoints, final double[][] coefficients) {
		for (int d = 0; d < 3; d++)
			if (controlPoints[d] < 4) throw new IllegalArgumentException("at least 4 control points per axis are needed, got " + controlPoints[d]);
		final int total = controlPoints[0] * controlPoints[1] * controlPoints[2];
		for (int c = 0; c < 3; c++)
			if (coefficients[c].length != total) throw new IllegalArgumentException("control grid component " + c + " must have " + total + " values");
		this.grid = grid;
		this.k = controlPoints.clone();
		this.coefficients = coefficients;
		this.direction = grid.geometry().direction();
		for (int d = 0; d < 3; d++) {
			final int n = (int) grid.size(d);
			first[d] = new int[n];
			weights[d] = new double[n][4];
			for (int i = 0; i < n; i++) first[d][i] = weights(d, i, weights[d][i]);
		}
	}

	/** Per axis and voxel index: the first control point and the 4 B-spline weights (the same for every row). */
	private final int[][] first = new int[3][];
	private final double[][][] weights = new double[3][][];

	/**
	 * Each control point displaced by {@code U(-max, max)} mm per component,
	 * the outer {@code lockedBorders} layers of control points kept at zero
	 * (TorchIO's {@code locked_borders}, default 2: no displacement at the
	 * image border).
	 * @throws IllegalArgumentException on fewer than 4 control points, a negative maximum or locked borders outside 0..2
	 */
	public static ControlGridDisplacementField random(final Grid grid, final int[] controlPoints, final double maxDisplacementMm,
		final int lockedBorders, final SplittableRandom random)
	{
		if (!(maxDisplacementMm >= 0) || !Double.isFinite(maxDisplacementMm))
			throw new IllegalArgumentException("maximum displacement must be >= 0 mm, got " + maxDisplacementMm);
		if (lockedBorders < 0 || lockedBorders > 2) throw new IllegalArgumentException("locked borders must be 0, 1 or 2, got " + lockedBorders);
		for (int d = 0; d < 3; d++)
			if (controlPoints[d] < 4) throw new IllegalArgumentException("at least 4 control points per axis are needed, got " + controlPoints[d]);
		final int total = controlPoints[0] * controlPoints[1] * controlPoints[2];
		final double[][] c = new double[3][total];
		for (int z = 0, i = 0; z < controlPoints[2]; z++)
			for (int y = 0; y < controlPoints[1]; y++)
				for (int x = 0; x < controlPoints[0]; x++, i++) {
					final boolean locked = x < lockedBorders || y < lockedBorders || z < lockedBorders
						|| x >= controlPoints[0] - lockedBorders || y >= controlPoints[1] - lockedBorders || z >= controlPoints[2] - lockedBorders;
					for (int comp = 0; comp < 3; comp++) {
						final double v = (2 * random.nextDouble() - 1) * maxDisplacementMm;
						c[comp][i] = locked ? 0 : v;
					}
				}
		return new ControlGridDisplacementField(grid, controlPoints, c);
	}

	@Override
	public Grid grid() {
		return grid;
	}

	/** Control-grid coordinate of voxel index i: {@code 1 + i (k - 3) / (n - 1)}, the first B-spline index and its 4 weights. */
	private int weights(final int d, final double index, final double[] w) {
		final long n = grid.size(d);
		double u = n > 1 ? 1 + index * (k[d] - 3) / (n - 1) : 1;
		int i = (int) Math.floor(u);
		if (i > k[d] - 3) i = k[d] - 3;
		CubicBSpline.weights(u - i, w, 0);
		return i - 1;
	}

	@Override
	public void row(final int y, final int z, final double[] dx, final double[] dy, final double[] dz) {
		final double[] wy = weights[1][y], wz = weights[2][z];
		final int y0 = first[1][y], z0 = first[2][z];
		// collapse the y and z directions: one coefficient line along x per component
		final double[][] line = new double[3][k[0]];
		for (int c = 0; c < 3; c++)
			for (int a = 0; a < 4; a++)
				for (int b = 0; b < 4; b++) {
					final double wt = wz[a] * wy[b];
					final int o = ((z0 + a) * k[1] + y0 + b) * k[0];
					for (int x = 0; x < k[0]; x++) line[c][x] += wt * coefficients[c][o + x];
				}
		final int nx = (int) grid.size(0);
		final double[] lx = line[0], ly = line[1], lz = line[2];
		for (int x = 0; x < nx; x++) {
			final int x0 = first[0][x];
			final double[] wx = weights[0][x];
			final double g0 = wx[0] * lx[x0] + wx[1] * lx[x0 + 1] + wx[2] * lx[x0 + 2] + wx[3] * lx[x0 + 3];
			final double g1 = wx[0] * ly[x0] + wx[1] * ly[x0 + 1] + wx[2] * ly[x0 + 2] + wx[3] * ly[x0 + 3];
			final double g2 = wx[0] * lz[x0] + wx[1] * lz[x0 + 1] + wx[2] * lz[x0 + 2] + wx[3] * lz[x0 + 3];
			dx[x] = direction[0][0] * g0 + direction[0][1] * g1 + direction[0][2] * g2;
			dy[x] = direction[1][0] * g0 + direction[1][1] * g1 + direction[1][2] * g2;
			dz[x] = direction[2][0] * g0 + direction[2][1] * g1 + direction[2][2] * g2;
		}
	}
}
