package org.medprep.core.intensity;

import java.util.Arrays;

/**
 * Standard radiology display windows (level/width in HU), plus the fixed
 * [-1000, 400] HU range the CT segmentation tutorials normalize to.
 */
public enum WindowPreset {
	CUSTOM("custom", Double.NaN, Double.NaN),
	BRAIN("brain (W80 L40)", 40, 80),
	SUBDURAL("subdural (W215 L75)", 75, 215),
	STROKE("stroke (W40 L40)", 40, 40),
	LUNG("lung (W1500 L-600)", -600, 1500),
	MEDIASTINUM("mediastinum (W350 L50)", 50, 350),
	ABDOMEN("abdomen (W400 L50)", 50, 400),
	LIVER("liver (W150 L30)", 30, 150),
	BONE("bone (W1800 L400)", 400, 1800),
	TUTORIAL("tutorial range (-1000 to 400)", -300, 1400);

	private final String label;
	private final double level;
	private final double width;

	WindowPreset(final String label, final double level, final double width) {
		this.label = label;
		this.level = level;
		this.width = width;
	}

	public String label() { return label; }
	public double level() { return level; }
	public double width() { return width; }

	public static String[] labels() {
		return Arrays.stream(values()).map(WindowPreset::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static WindowPreset fromLabel(final String label) {
		for (final WindowPreset p : values())
			if (p.label.equalsIgnoreCase(label) || p.name().equalsIgnoreCase(label)) return p;
		throw new IllegalArgumentException("unknown window preset '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
