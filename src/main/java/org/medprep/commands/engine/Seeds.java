package org.medprep.commands.engine;

import java.util.SplittableRandom;

/**
 * The {@code seed} option of random commands: a whole number gives the same
 * draw and the same output bit for bit; empty draws a fresh seed (the only
 * draw in MedPrep not made from a given seed), which the command records in
 * the history ({@link StepRecord#seed}) and never writes back into its option.
 */
public final class Seeds {

	private Seeds() {}

	/** True when a seed must be drawn. */
	public static boolean isEmpty(final String seed) {
		return seed == null || seed.trim().isEmpty();
	}

	/** A fresh seed, kept short so macro lines stay readable. */
	public static long draw() {
		return new SplittableRandom().nextLong() >>> 12;
	}

	/**
	 * The seed to use: the given one, or a fresh one if empty.
	 *
	 * @throws IllegalArgumentException for text that is not a whole number
	 */
	public static long resolve(final String seed) {
		if (isEmpty(seed)) return draw();
		try {
			return Long.parseLong(seed.trim());
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("seed must be a whole number, got '" + seed + "'");
		}
	}
}
