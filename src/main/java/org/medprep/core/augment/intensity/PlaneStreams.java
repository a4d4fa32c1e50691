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

	/**
	 * Standard normal deviates by Marsaglia and Tsang's ziggurat (J. Stat.
	 * Software 5(8), 2000; 128 layers): one 64-bit draw gives the layer (its low
	 * 7 bits) and a signed 32-bit abscissa (its high bits), accepted at once
	 * about 99% of the time; the wedges and the tail are sampled exactly.
	 */
	static final class Gaussian {
		private static final double R = 3.442619855899;
		private static final int[] KN = new int[128];
		private static final double[] WN = new double[128], FN = new double[128];

		static {
			final double m1 = 2147483648.0, vn = 9.91256303526217e-3;
			double dn = R, tn = dn;
			final double q = vn / Math.exp(-0.5 * dn * dn);
			KN[0] = (int) ((dn / q) * m1);
			KN[1] = 0;
			WN[0] = q / m1;
			WN[127] = dn / m1;
			FN[0] = 1;
			FN[127] = Math.exp(-0.5 * dn * dn);
			for (int i = 126; i >= 1; i--) {
				dn = Math.sqrt(-2 * Math.log(vn / dn + Math.exp(-0.5 * dn * dn)));
				KN[i + 1] = (int) ((dn / tn) * m1);
				tn = dn;
				FN[i] = Math.exp(-0.5 * dn * dn);
				WN[i] = dn / m1;
			}
		}

		private final SplittableRandom random;

		Gaussian(final SplittableRandom random) {
			this.random = random;
		}

		double next() {
			long u = random.nextLong();
			int hz = (int) (u >> 32), iz = (int) (u & 127);
			if (Math.abs(hz) < KN[iz]) return hz * WN[iz];
			for (;;) {
				final double x = hz * WN[iz];
				if (iz == 0) {
					double t, y;
					do {
						t = -Math.log(1 - random.nextDouble()) / R;
						y = -Math.log(1 - random.nextDouble());
					} while (y + y < t * t);
					return hz > 0 ? R + t : -R - t;
				}
				if (FN[iz] + random.nextDouble() * (FN[iz - 1] - FN[iz]) < Math.exp(-0.5 * x * x)) return x;
				u = random.nextLong();
				hz = (int) (u >> 32);
				iz = (int) (u & 127);
				if (Math.abs(hz) < KN[iz]) return hz * WN[iz];
			}
		}
	}
}
