package org.medprep.core.augment;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Whether a random transform with probability {@code p} is applied, drawn from
 * the transform's own generator before its parameters (TorchIO's and
 * MONAI's {@code p}/{@code prob}, nnU-Net's {@code apply_probability}). With
 * {@code p >= 1} nothing is drawn, so a seed gives the same draw as before
 * the probability existed; otherwise one uniform number {@code u} is drawn and
 * the transform applies when {@code u < p}. The decision and {@code u} are
 * part of the record, so a replay with the same seed decides the same.
 */
public final class Chance {

	private final double p;
	private final double drawn;
	private final boolean applied;

	private Chance(final double p, final double drawn, final boolean applied) {
		this.p = p;
		this.drawn = drawn;
		this.applied = applied;
	}

	/** @throws IllegalArgumentException unless 0 &lt;= p &lt;= 1 */
	public static Chance draw(final double p, final SplittableRandom random) {
		RandomSpatialTransform.requireProbability("p", p);
		if (p >= 1) return new Chance(p, Double.NaN, true);
		final double u = random.nextDouble();
		return new Chance(p, u, u < p);
	}

	public boolean applied() { return applied; }
	public double p() { return p; }

	/**
	 * What the history records of the decision: nothing when p = 1 (nothing was
	 * drawn), else {@code p_draw} (the uniform number) and {@code applied}.
	 */
	public Map<String, String> drawn() {
		if (Double.isNaN(drawn)) return Collections.emptyMap();
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("p_draw", Double.toString(drawn));
		m.put("applied", Boolean.toString(applied));
		return Collections.unmodifiableMap(m);
	}

	/** Empty when p = 1 (always applied); else {@code p=0.3 drew 0.712: not applied}. */
	@Override
	public String toString() {
		if (Double.isNaN(drawn)) return "";
		return String.format(Locale.ROOT, "p=%s drew %.6f: %s", p, drawn, applied ? "applied" : "not applied");
	}
}
