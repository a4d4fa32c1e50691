package org.medprep.core.normalize;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/** The reference tissue of FCM normalization, in T1 order of the fuzzy c-means centres (CSF darkest). */
public enum TissueType implements Labelled {
	WM("white matter", 2), GM("grey matter", 1), CSF("CSF", 0);

	private final String label;
	private final int cluster;

	TissueType(final String label, final int cluster) {
		this.label = label;
		this.cluster = cluster;
	}

	@Override
	public String label() { return label; }

	/** Index of this tissue's cluster among the centres sorted ascending. */
	public int cluster() { return cluster; }

	public static String[] labels() {
		return Labels.of(TissueType.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static TissueType fromLabel(final String label) {
		return Labels.parse(TissueType.class, label, "tissue");
	}
}
