package org.medprep.core.spatial;

import java.util.SplittableRandom;

import net.imglib2.parallel.Parallelization;

/**
 * A displacement for every voxel of a grid, stored as three float volumes in
 * voxels along the grid axes (the tutorial's {@code dx, dy, dz}).
 * {@link #random} makes Simard et al.'s (2003) elastic field: each component
 * uniform in [-1, 1] per voxel, smoothed by a Gaussian of sigma voxels
 * ({@link GaussianSmoothing}, O(N) in sigma) and scaled by alpha voxels.
 * The random numbers of plane z of component c come from their own generator
 * seeded by (seed, c, z), so the field is the same whatever the thread count.
 */
public final class DenseDisplacementField implements DisplacementField {

	private final Grid grid;
	private final float[][] voxels;
	private final double[][] toMm = new double[3][3];

	/** @param voxels three arrays (x, y, z components) of the grid's size, x fastest, in voxels of the grid */
	public DenseDisplacementField(final Grid grid, final float[][] voxels) {
		final long n = grid.numVoxels();
		if (voxels == null || voxels.length != 3) throw new IllegalArgumentException("a displacement field has 3 components");
		for (final float[] c : voxels)
			if (c == null || c.length != n) throw new IllegalArgumentException("displacement component does not match the grid size " + n);
		this.grid = grid;
		this.voxels = voxels;
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				toMm[r][c] = grid.geometry().direction(r, c) * grid.geometry().spacing(c);
	}

	/**
	 * @param sigma Gaussian sigma in voxels (> 0)
	 * @param alpha scale of the smoothed field in voxels (>= 0)
	 * @throws IllegalArgumentException if sigma <= 0 or alpha < 0
	 */
	public static DenseDisplacementField random(final Grid grid, final double sigma, final double alpha, final long seed) {
		if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("elastic sigma must be > 0, got " + sigma);
		if (!(alpha >= 0) || !Double.isFinite(alpha)) throw new IllegalArgumentException("elastic alpha must be >= 0, got " + alpha);
		final int[] n = FloatVolumes.size(new net.imglib2.FinalInterval(grid.size()));
		final int planeSize = n[0] * n[1];
		final float[][] field = new float[3][];
		for (int c = 0; c < 3; c++) {
			final float[] f = new float[planeSize * n[2]];
			final int component = c;
			Parallelization.getTaskExecutor().forEach(PaddedSamples.range(n[2]), z -> {
				final SplittableRandom random = new SplittableRandom(mix(seed, component, z));
				for (int i = z * planeSize, end = i + planeSize; i < end; i++) f[i] = (float) (2 * random.nextDouble() - 1);
			});
			GaussianSmoothing.smooth(f, n, new double[] { sigma, sigma, sigma });
			final float a = (float) alpha;
			Parallelization.getTaskExecutor().forEach(PaddedSamples.range(n[2]), z -> {
				for (int i = z * planeSize, end = i + planeSize; i < end; i++) f[i] *= a;
			});
			field[c] = f;
		}
		return new DenseDisplacementField(grid, field);
	}

	/** SplitMix64 finaliser of (seed, component, plane): independent streams per plane. */
	static long mix(final long seed, final int component, final int z) {
		long x = seed + 0x9E3779B97F4A7C15L * (1 + component * 1_000_003L + z);
		x = (x ^ (x >>> 30)) * 0xBF58476D1CE4E5B9L;
		x = (x ^ (x >>> 27)) * 0x94D049BB133111EBL;
		return x ^ (x >>> 31);
	}

	/** Component {@code c} in voxels, the live array. */
	public float[] component(final int c) {
		return voxels[c];
	}

	@Override
	public Grid grid() {
		return grid;
	}

	@Override
	public void row(final int y, final int z, final double[] dx, final double[] dy, final double[] dz) {
		final int nx = (int) grid.size(0);
		final int o = (int) ((z * grid.size(1) + y) * nx);
		final float[] u = voxels[0], v = voxels[1], w = voxels[2];
		for (int x = 0; x < nx; x++) {
			final double a = u[o + x], b = v[o + x], c = w[o + x];
			dx[x] = toMm[0][0] * a + toMm[0][1] * b + toMm[0][2] * c;
			dy[x] = toMm[1][0] * a + toMm[1][1] * b + toMm[1][2] * c;
			dz[x] = toMm[2][0] * a + toMm[2][1] * b + toMm[2][2] * c;
		}
	}
}
