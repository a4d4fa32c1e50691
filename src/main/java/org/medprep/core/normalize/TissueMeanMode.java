package org.medprep.core.normalize;

import java.util.Arrays;

/**
 * How FCM normalization averages the reference tissue:
 * {@link #MEMBERSHIP_WEIGHTED} is intensity-normalization 2.x's
 * {@code np.average(image, weights=membership)} over the foreground;
 * {@link #THRESHOLD} is its 1.x behaviour, the plain mean of the voxels whose
 * membership exceeds a threshold (0.8 there).
 */
public enum TissueMeanMode {
	MEMBERSHIP_WEIGHTED("membership-weighted"), THRESHOLD("membership above threshold");

	private final String label;

	TissueMeanMode(final String label) { this.label = label; }

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(TissueMeanMode::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static TissueMeanMode fromLabel(final String label) {
		for (final TissueMeanMode t : values())
			if (t.label.equalsIgnoreCase(label) || t.name().equalsIgnoreCase(label)) return t;
		throw new IllegalArgumentException("unknown tissue mean mode '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
