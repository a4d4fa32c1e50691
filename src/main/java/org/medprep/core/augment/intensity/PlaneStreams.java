package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

/**
 * Per-plane random streams for voxel-wise noise: plane z of a draw with
 * noise seed s uses its own generator, seeded by a hash of (s, z), so planes
 * can be filled in any order on any number of threads and give the same bits.
 */
final class PlaneStreams {

	private PlaneStreams() {}

	static SplittableRandom of(final long seed, final int z) {
		return new SplittableRandom(mix64(seed + 0x9E3779B97F4A7C15L * (z + 1L)));
	}

	/** Stafford's variant 13 of the murmur3 finalizer. */
	private static long mix64(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** Standard normal deviates by Marsaglia's polar method (both of each pair used). */
	static final class Gaussian {
		private final SplittableRandom random;
		private double spare;
		private boolean hasSpare;

		Gaussian(final SplittableRandom random) {
			this.random = random;
		}

		double next() {
			if (hasSpare) {
				hasSpare = false;
				return spare;
			}
			double u, v, s;
			do {
				u = 2 * random.nextDouble() - 1;
				v = 2 * random.nextDouble() - 1;
				s = u * u + v * v;
			} while (s >= 1 || s == 0);
			final double f = Math.sqrt(-2 * Math.log(s) / s);
			spare = v * f;
			hasSpare = true;
			return u * f;
		}
	}
}
