package org.medprep.core.segment;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/** Which intensities the NMF + k-means pipeline clusters. */
public enum ClusterSource implements Labelled {
	/** The input image's own intensities. */
	ORIGINAL("original image"),
	/** The low-rank NMF reconstruction W H of the stack (a denoised copy). */
	NMF_RECONSTRUCTION("NMF reconstruction");

	private final String label;

	ClusterSource(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(ClusterSource.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static ClusterSource fromLabel(final String label) {
		return Labels.parse(ClusterSource.class, label, "cluster source");
	}
}
