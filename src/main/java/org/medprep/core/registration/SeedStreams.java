package org.medprep.core.registration;

import java.util.SplittableRandom;

/**
 * Independent random streams derived from one recorded seed and a position
 * (level, iteration, chunk of samples): the points a chunk draws depend on
 * nothing else, so the same seed gives the same points whatever the thread count.
 */
final class SeedStreams {

	private SeedStreams() {}

	static SplittableRandom of(final long seed, final long a, final long b, final long c) {
		long h = mix(seed ^ 0x6A09E667F3BCC909L);
		h = mix(h ^ (a * 0x9E3779B97F4A7C15L));
		h = mix(h ^ (b * 0xC2B2AE3D27D4EB4FL + 0x165667B19E3779F9L));
		h = mix(h ^ (c * 0xFF51AFD7ED558CCDL + 0x27D4EB2F165667C5L));
		return new SplittableRandom(h);
	}

	/** The 64-bit finaliser of MurmurHash3: every input bit affects every output bit. */
	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xFF51AFD7ED558CCDL;
		z = (z ^ (z >>> 33)) * 0xC4CEB9FE1A85EC53L;
		return z ^ (z >>> 33);
	}
}
