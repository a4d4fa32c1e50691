package org.medprep.core.segment;

import java.util.Arrays;

/** How {@link ForegroundMask} turns a premask (intensity above a threshold) into the foreground. */
public enum ForegroundMethod {
	/** The knee-MRI study's rule: in every image row, fill from the leftmost to the rightmost premask pixel. */
	ROW_FILL("row fill"),
	/** Keep the largest 6-connected 3D component of the premask, then fill its holes slice by slice. */
	LARGEST_COMPONENT("largest component + fill holes");

	private final String label;

	ForegroundMethod(final String label) { this.label = label; }

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(ForegroundMethod::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static ForegroundMethod fromLabel(final String label) {
		for (final ForegroundMethod v : values())
			if (v.label.equalsIgnoreCase(label) || v.name().equalsIgnoreCase(label)) return v;
		throw new IllegalArgumentException("unknown foreground method '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
