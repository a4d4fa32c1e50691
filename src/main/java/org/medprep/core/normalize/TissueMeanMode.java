package org.medprep.core.normalize;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/**
 * How FCM normalization averages the reference tissue:
 * {@link #MEMBERSHIP_WEIGHTED} is intensity-normalization 2.x's
 * {@code np.average(image, weights=membership)} over the foreground;
 * {@link #THRESHOLD} is its 1.x behaviour, the plain mean of the voxels whose
 * membership exceeds a threshold (0.8 there).
 */
public enum TissueMeanMode implements Labelled {
	MEMBERSHIP_WEIGHTED("membership-weighted"), THRESHOLD("membership above threshold");

	private final String label;

	TissueMeanMode(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(TissueMeanMode.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static TissueMeanMode fromLabel(final String label) {
		return Labels.parse(TissueMeanMode.class, label, "tissue mean mode");
	}
}
