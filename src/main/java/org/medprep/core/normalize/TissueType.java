package org.medprep.core.normalize;

import java.util.Arrays;

/** The reference tissue of FCM normalization, in T1 order of the fuzzy c-means centres (CSF darkest). */
public enum TissueType {
	WM("white matter", 2), GM("grey matter", 1), CSF("CSF", 0);

	private final String label;
	private final int cluster;

	TissueType(final String label, final int cluster) {
		this.label = label;
		this.cluster = cluster;
	}

	public String label() { return label; }

	/** Index of this tissue's cluster among the centres sorted ascending. */
	public int cluster() { return cluster; }

	public static String[] labels() {
		return Arrays.stream(values()).map(TissueType::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static TissueType fromLabel(final String label) {
		for (final TissueType t : values())
			if (t.label.equalsIgnoreCase(label) || t.name().equalsIgnoreCase(label)) return t;
		throw new IllegalArgumentException("unknown tissue '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
