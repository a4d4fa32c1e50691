package org.medprep.core.registration;

import java.util.SplittableRandom;

/**
 * Draws the fixed-image points of one level, chunk by chunk (see
 * {@link SamplingStrategy}). Points are continuous voxel indices of the
 * level's fixed grid. A chunk's points depend only on the seed, the level, the
 * stream (the iteration) and the chunk's number, never on the thread that
 * draws them. Inside a mask, a random point is a uniformly drawn mask voxel
 * moved by a uniform offset within its cell.
 */
final class FixedSampler {

	static final int RANDOM_CHUNK = 256;
	static final int GRID_CHUNK = 4096;

	private final LevelImage fixed;
	private final int[] maskVoxels;
	private final int[] gridVoxels;
	private final SamplingStrategy strategy;
	private final long seed;
	private final int level;

	/**
	 * @param maskVoxels voxel numbers ({@code x + nx (y + ny z)}) of the fixed mask, or null for the whole image
	 * @param samples points per iteration asked for (random and regular sampling)
	 */
	FixedSampler(final LevelImage fixed, final int[] maskVoxels, final SamplingStrategy strategy, final int samples, final long seed, final int level) {
		this.fixed = fixed;
		this.maskVoxels = maskVoxels;
		this.strategy = strategy;
		this.seed = seed;
		this.level = level;
		this.gridVoxels = strategy == SamplingStrategy.RANDOM ? null : gridVoxels(fixed, maskVoxels, strategy, samples);
	}

	/** Every voxel (full), or every {@code step}-th voxel along each axis (regular), of the mask or image. */
	private static int[] gridVoxels(final LevelImage f, final int[] mask, final SamplingStrategy strategy, final int samples) {
		final long total = mask == null ? (long) f.nx * f.ny * f.nz : mask.length;
		final int step = strategy == SamplingStrategy.FULL ? 1 : (int) Math.max(1, Math.round(Math.cbrt((double) total / samples)));
		// the grid starts half a step in (or mid-image on a short axis), not on the image's edge
		final int ox = Math.min(step / 2, (f.nx - 1) / 2), oy = Math.min(step / 2, (f.ny - 1) / 2), oz = Math.min(step / 2, (f.nz - 1) / 2);
		final int[] kept = new int[(int) total];
		int count = 0;
		for (int i = 0; i < total; i++) {
			final int v = mask == null ? i : mask[i];
			final int x = v % f.nx, y = (v / f.nx) % f.ny, z = v / (f.nx * f.ny);
			if (x % step == ox % step && y % step == oy % step && z % step == oz % step) kept[count++] = v;
		}
		return count == kept.length ? kept : java.util.Arrays.copyOf(kept, count);
	}

	/** Number of points the strategy looks at per iteration when {@code requested} are asked for. */
	int points(final int requested) {
		return gridVoxels == null ? requested : gridVoxels.length;
	}

	int chunkCapacity() {
		return gridVoxels == null ? RANDOM_CHUNK : GRID_CHUNK;
	}

	int chunks(final int requested) {
		final int n = points(requested);
		final int c = chunkCapacity();
		return (n + c - 1) / c;
	}

	/** Whether every call gives new points (random sampling). */
	boolean isStochastic() {
		return gridVoxels == null;
	}

	/**
	 * Writes the points of one chunk of stream {@code stream} as continuous fixed indices.
	 * @return how many points were written
	 */
	int fill(final int requested, final long stream, final int chunk, final double[] ux, final double[] uy, final double[] uz) {
		final int start = chunk * chunkCapacity();
		final int count = Math.min(chunkCapacity(), points(requested) - start);
		if (gridVoxels != null) {
			for (int i = 0; i < count; i++) {
				final int v = gridVoxels[start + i];
				ux[i] = v % fixed.nx;
				uy[i] = (v / fixed.nx) % fixed.ny;
				uz[i] = v / (fixed.nx * fixed.ny);
			}
			return count;
		}
		final SplittableRandom random = SeedStreams.of(seed, level, stream, chunk);
		random(random, count, ux, uy, uz);
		return count;
	}

	/** {@code count} random points of the sampled region from {@code random}. */
	void random(final SplittableRandom random, final int count, final double[] ux, final double[] uy, final double[] uz) {
		final int nx = fixed.nx, ny = fixed.ny, nz = fixed.nz;
		if (maskVoxels == null) {
			for (int i = 0; i < count; i++) {
				ux[i] = random.nextDouble() * (nx - 1);
				uy[i] = random.nextDouble() * (ny - 1);
				uz[i] = random.nextDouble() * (nz - 1);
			}
			return;
		}
		for (int i = 0; i < count; i++) {
			final int v = maskVoxels[random.nextInt(maskVoxels.length)];
			ux[i] = jitter(v % nx, random, nx);
			uy[i] = jitter((v / nx) % ny, random, ny);
			uz[i] = jitter(v / (nx * ny), random, nz);
		}
	}

	private static double jitter(final int voxel, final SplittableRandom random, final int n) {
		final double c = voxel + random.nextDouble() - 0.5;
		return c < 0 ? 0 : c > n - 1 ? n - 1 : c;
	}
}
