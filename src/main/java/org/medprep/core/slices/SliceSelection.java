package org.medprep.core.slices;

import java.util.ArrayList;
import java.util.List;

/**
 * Which 2D slices of a volume feed a 2D network: those within a range of the
 * axis given in percent (the MR synthesis example keeps 20 % to 80 % of the
 * axial slices: {@code range(int(0.2 * n), int(0.8 * n))}), and of those only
 * the ones with enough foreground (voxels above a background value), so empty
 * slices outside the body are not exported.
 */
public final class SliceSelection {

	private final double fromPercent;
	private final double toPercent;
	private final double minForeground;

	/**
	 * @param minForeground the least fraction of a slice's voxels that must be foreground, in [0, 1] (0 keeps all)
	 * @throws IllegalArgumentException unless 0 <= from < to <= 100 and the fraction is in [0, 1]
	 */
	public SliceSelection(final double fromPercent, final double toPercent, final double minForeground) {
		if (!(fromPercent >= 0 && toPercent <= 100 && fromPercent < toPercent))
			throw new IllegalArgumentException("slice range must satisfy 0 <= from < to <= 100 (percent), got " + fromPercent + " to " + toPercent);
		if (!(minForeground >= 0 && minForeground <= 1))
			throw new IllegalArgumentException("minimum foreground fraction must be in [0, 1], got " + minForeground);
		this.fromPercent = fromPercent;
		this.toPercent = toPercent;
		this.minForeground = minForeground;
	}

	/** First slice index kept by the range (as Python's int(0.2 * n)). */
	public int first(final int n) {
		return (int) (n * fromPercent / 100);
	}

	/** One past the last slice index kept by the range. */
	public int end(final int n) {
		return Math.min(n, (int) (n * toPercent / 100));
	}

	/** Whether a slice with this foreground fraction is exported. */
	public boolean keeps(final double foregroundFraction) {
		return minForeground == 0 || foregroundFraction >= minForeground;
	}

	/** The indices kept, given every slice's foreground fraction. */
	public List<Integer> select(final double[] foregroundFractions) {
		final List<Integer> kept = new ArrayList<>();
		for (int i = first(foregroundFractions.length); i < end(foregroundFractions.length); i++)
			if (keeps(foregroundFractions[i])) kept.add(i);
		return kept;
	}
}
