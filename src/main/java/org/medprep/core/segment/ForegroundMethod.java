package org.medprep.core.segment;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/** How {@link ForegroundMask} turns a premask (intensity above a threshold) into the foreground. */
public enum ForegroundMethod implements Labelled {
	/** The knee-MRI study's rule: in every image row, fill from the leftmost to the rightmost premask pixel. */
	ROW_FILL("row fill"),
	/** Keep the largest 6-connected 3D component of the premask, then fill its holes slice by slice. */
	LARGEST_COMPONENT("largest component + fill holes");

	private final String label;

	ForegroundMethod(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(ForegroundMethod.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static ForegroundMethod fromLabel(final String label) {
		return Labels.parse(ForegroundMethod.class, label, "foreground method");
	}
}
