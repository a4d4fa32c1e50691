package org.medprep.cli.batch;

/**
 * The seed of one random step of one case in a batch, derived from the run's
 * master seed, the case's name and the step's number:
 * {@code SHA-256("<master>/<case>/<step>")}, its first 8 bytes as a big-endian
 * number, shifted right by 12 bits (a non-negative number below 2^52, short
 * enough for a macro line). Cases get different draws, the same case gets the
 * same draw wherever, whenever and in whatever order it runs, and anyone can
 * recompute it (Python: {@code int.from_bytes(hashlib.sha256(f"{m}/{case}/{step}".encode()).digest()[:8], "big") >> 12}).
 */
public final class CaseSeeds {

	private CaseSeeds() {}

	/** @param step the step's number in the pipeline, from 1 */
	public static long derive(final long master, final String caseName, final int step) {
		final byte[] d = Digests.sha256(master + "/" + caseName + "/" + step);
		long v = 0;
		for (int i = 0; i < 8; i++) v = (v << 8) | (d[i] & 0xff);
		return v >>> 12;
	}
}
