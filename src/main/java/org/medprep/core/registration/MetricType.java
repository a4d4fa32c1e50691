package org.medprep.core.registration;

import java.util.Arrays;

/**
 * How the match of the two images is measured. {@link #MATTES_MI}: Mattes
 * mutual information (Parzen-window joint histogram: zero-order window on the
 * fixed intensities, cubic B-spline window on the moving ones, analytic
 * gradient), for images of different contrasts; {@link #MEAN_SQUARES}: mean
 * squared difference, for the same contrast and intensity scale;
 * {@link #NORMALIZED_CORRELATION}: Pearson correlation, for the same contrast up
 * to a linear intensity change (also an inverted one is a perfect, negative match).
 */
public enum MetricType {
	MATTES_MI("Mattes mutual information"),
	MEAN_SQUARES("mean squares"),
	NORMALIZED_CORRELATION("normalized correlation");

	private final String label;

	MetricType(final String label) {
		this.label = label;
	}

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(MetricType::label).toArray(String[]::new);
	}

	/** Accepts the label, the enum name, "mi", "mse", "ncc". @throws IllegalArgumentException listing the valid labels */
	public static MetricType fromLabel(final String label) {
		for (final MetricType m : values())
			if (m.label.equalsIgnoreCase(label) || m.name().equalsIgnoreCase(label)) return m;
		if ("mi".equalsIgnoreCase(label) || "mattes".equalsIgnoreCase(label)) return MATTES_MI;
		if ("mse".equalsIgnoreCase(label)) return MEAN_SQUARES;
		if ("ncc".equalsIgnoreCase(label)) return NORMALIZED_CORRELATION;
		throw new IllegalArgumentException("unknown metric '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
