package org.medprep.core.registration;

import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

/**
 * One image of one pyramid level as a float array (x fastest) on its grid,
 * read by trilinear interpolation with the exact gradient of the interpolant
 * (the "linear interpolator" of elastix's default maps).
 */
final class LevelImage {

	final float[] data;
	final int nx, ny, nz;
	final Grid grid;
	/** Continuous index to mm, and back (3x4). */
	final double[][] indexToPhysical, physicalToIndex;
	/** Takes a gradient per index step to a gradient per mm: {@code D diag(1/spacing)}. */
	final double[][] gradientToPhysical;
	private final int sy, sz;

	LevelImage(final float[] data, final Grid grid) {
		this.data = data;
		this.grid = grid;
		this.nx = (int) grid.size(0);
		this.ny = (int) grid.size(1);
		this.nz = (int) grid.size(2);
		if ((long) nx * ny * nz != data.length) throw new IllegalArgumentException("level data does not match its grid " + grid);
		final PhysicalAffine toPhysical = grid.indexToPhysical();
		this.indexToPhysical = toPhysical.matrix();
		this.physicalToIndex = toPhysical.inverse().matrix();
		this.gradientToPhysical = new double[3][3];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++) gradientToPhysical[r][c] = grid.geometry().direction(r, c) / grid.geometry().spacing(c);
		this.sy = nx;
		this.sz = nx * ny;
	}

	private LevelImage rangeMask;
	private double[] range;

	/** {@link IntensityRange} of this image inside {@code mask} (or everywhere), computed once per mask. */
	synchronized double[] range(final LevelImage mask) {
		if (range == null || rangeMask != mask) {
			range = IntensityRange.scan(this, mask);
			rangeMask = mask;
		}
		return range.clone();
	}

	int size() {
		return data.length;
	}

	boolean inside(final double cx, final double cy, final double cz) {
		return cx >= 0 && cx <= nx - 1 && cy >= 0 && cy <= ny - 1 && cz >= 0 && cz <= nz - 1;
	}

	/** Trilinear value at a continuous index that must be inside. */
	double value(final double cx, final double cy, final double cz) {
		final int ix = cell(cx, nx), iy = cell(cy, ny), iz = cell(cz, nz);
		final double fx = cx - ix, fy = cy - iy, fz = cz - iz;
		final int p = ix + iy * sy + iz * sz;
		final int dx = nx > 1 ? 1 : 0, dy = ny > 1 ? sy : 0, dz = nz > 1 ? sz : 0;
		final float[] d = data;
		final double c00 = d[p] + fx * (d[p + dx] - d[p]);
		final double c10 = d[p + dy] + fx * (d[p + dy + dx] - d[p + dy]);
		final double c01 = d[p + dz] + fx * (d[p + dz + dx] - d[p + dz]);
		final double c11 = d[p + dz + dy] + fx * (d[p + dz + dy + dx] - d[p + dz + dy]);
		final double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
		return c0 + fz * (c1 - c0);
	}

	/**
	 * Trilinear value and its gradient per index step at a continuous index:
	 * {@code out = {value, d/dx, d/dy, d/dz}}; false (out untouched) outside the grid.
	 */
	boolean valueAndGradient(final double cx, final double cy, final double cz, final double[] out) {
		if (!inside(cx, cy, cz)) return false;
		final int ix = cell(cx, nx), iy = cell(cy, ny), iz = cell(cz, nz);
		final double fx = cx - ix, fy = cy - iy, fz = cz - iz;
		final double gx = 1 - fx, gy = 1 - fy, gz = 1 - fz;
		final int p = ix + iy * sy + iz * sz;
		final int dx = nx > 1 ? 1 : 0, dy = ny > 1 ? sy : 0, dz = nz > 1 ? sz : 0;
		final float[] d = data;
		final double v000 = d[p], v100 = d[p + dx], v010 = d[p + dy], v110 = d[p + dy + dx];
		final double v001 = d[p + dz], v101 = d[p + dz + dx], v011 = d[p + dz + dy], v111 = d[p + dz + dy + dx];
		final double x00 = v100 - v000, x10 = v110 - v010, x01 = v101 - v001, x11 = v111 - v011;
		final double c00 = v000 + fx * x00, c10 = v010 + fx * x10, c01 = v001 + fx * x01, c11 = v011 + fx * x11;
		final double c0 = c00 + fy * (c10 - c00), c1 = c01 + fy * (c11 - c01);
		out[0] = c0 + fz * (c1 - c0);
		out[1] = nx > 1 ? gz * (gy * x00 + fy * x10) + fz * (gy * x01 + fy * x11) : 0;
		out[2] = ny > 1 ? gz * (c10 - c00) + fz * (c11 - c01) : 0;
		out[3] = nz > 1 ? c1 - c0 : 0;
		return true;
	}

	/** Nearest voxel's value at a continuous index that must be inside. */
	float nearest(final double cx, final double cy, final double cz) {
		return data[(int) (cx + 0.5) + (int) (cy + 0.5) * sy + (int) (cz + 0.5) * sz];
	}

	/** The cell's lower corner along an axis: the last cell for the upper edge, so both corners exist. */
	private static int cell(final double c, final int n) {
		if (n == 1) return 0;
		final int i = (int) c;
		return i >= n - 1 ? n - 2 : i;
	}
}
