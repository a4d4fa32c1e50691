package org.medprep.core.intensity;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/**
 * Standard radiology display windows (level/width in HU), plus the fixed
 * [-1000, 400] HU range the CT segmentation tutorials normalize to.
 */
public enum WindowPreset implements Labelled {
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

	@Override
	public String label() { return label; }
	public double level() { return level; }
	public double width() { return width; }

	public static String[] labels() {
		return Labels.of(WindowPreset.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static WindowPreset fromLabel(final String label) {
		return Labels.parse(WindowPreset.class, label, "window preset");
	}
}
