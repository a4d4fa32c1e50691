package org.medprep.core.segment;

import java.util.Arrays;

/** Which intensities the NMF + k-means pipeline clusters. */
public enum ClusterSource {
	/** The input image's own intensities. */
	ORIGINAL("original image"),
	/** The low-rank NMF reconstruction W H of the stack (a denoised copy). */
	NMF_RECONSTRUCTION("NMF reconstruction");

	private final String label;

	ClusterSource(final String label) { this.label = label; }

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(ClusterSource::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static ClusterSource fromLabel(final String label) {
		for (final ClusterSource v : values())
			if (v.label.equalsIgnoreCase(label) || v.name().equalsIgnoreCase(label)) return v;
		throw new IllegalArgumentException("unknown cluster source '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
