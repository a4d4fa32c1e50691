package org.medprep.core.augment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which transforms of a group run: one of them (TorchIO's and MONAI's
 * {@code OneOf}) or some of them (MONAI's {@code SomeOf}), drawn from an
 * explicit generator with the group's weights.
 * <p>
 * A weighted pick takes the first index whose cumulative weight exceeds
 * {@code u * total} for a uniform u. {@link #someOf}: a count uniform in
 * [min, max], then that many weighted picks, without replacement (each pick
 * removes its index and the rest renormalise, as numpy's
 * {@code choice(replace=False, p=...)} that MONAI uses) or with; the indices
 * come back in the order drawn, which is the order they run in (MONAI).
 */
public final class Selection {

	private Selection() {}

	/** @throws IllegalArgumentException unless the weights are finite, >= 0 and not all 0 */
	public static double[] checkWeights(final double[] weights) {
		if (weights.length == 0) throw new IllegalArgumentException("a group needs at least one transform");
		double total = 0;
		for (final double w : weights) {
			if (!(w >= 0) || !Double.isFinite(w)) throw new IllegalArgumentException("weights must be finite and >= 0, got " + Arrays.toString(weights));
			total += w;
		}
		if (!(total > 0)) throw new IllegalArgumentException("weights must not all be 0, got " + Arrays.toString(weights));
		return weights.clone();
	}

	public static int oneOf(final double[] weights, final SplittableRandom random) {
		final double[] w = checkWeights(weights);
		final boolean[] used = new boolean[w.length];
		return pick(w, used, random);
	}

	/**
	 * @throws IllegalArgumentException unless 0 &lt;= min &lt;= max, and (without replacement) max does not exceed the
	 *         number of transforms with a positive weight
	 */
	public static List<Integer> someOf(final double[] weights, final int min, final int max, final boolean replace, final SplittableRandom random) {
		final double[] w = checkWeights(weights);
		if (min < 0 || max < min) throw new IllegalArgumentException("the number of transforms must satisfy 0 <= n_min <= n_max, got [" + min + ", " + max + "]");
		int positive = 0;
		for (final double x : w) if (x > 0) positive++;
		if (!replace && max > positive)
			throw new IllegalArgumentException("n_max = " + max + " transforms without replacement, but only " + positive + " have a positive weight");
		final int n = min + random.nextInt(max - min + 1);
		final boolean[] used = new boolean[w.length];
		final List<Integer> picked = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			final int k = pick(w, used, random);
			picked.add(k);
			if (!replace) used[k] = true;
		}
		return picked;
	}

	private static int pick(final double[] w, final boolean[] used, final SplittableRandom random) {
		double total = 0;
		for (int i = 0; i < w.length; i++) if (!used[i]) total += w[i];
		final double u = random.nextDouble() * total;
		double cumulative = 0;
		int last = -1;
		for (int i = 0; i < w.length; i++) {
			if (used[i] || w[i] == 0) continue;
			cumulative += w[i];
			last = i;
			if (u < cumulative) return i;
		}
		return last; // u * total rounded up to the total
	}
}
