package org.medprep.core.registration;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.Arrays;
import java.util.List;

/**
 * How the match of the two images is measured. {@link #MATTES_MI}: Mattes
 * mutual information (Parzen-window joint histogram: zero-order window on the
 * fixed intensities, cubic B-spline window on the moving ones, analytic
 * gradient), for images of different contrasts; {@link #MEAN_SQUARES}: mean
 * squared difference, for the same contrast and intensity scale;
 * {@link #NORMALIZED_CORRELATION}: Pearson correlation, for the same contrast up
 * to a linear intensity change (also an inverted one is a perfect, negative match).
 */
public enum MetricType implements Labelled {
	MATTES_MI("Mattes mutual information"),
	MEAN_SQUARES("mean squares"),
	NORMALIZED_CORRELATION("normalized correlation");

	private final String label;

	MetricType(final String label) {
		this.label = label;
	}

	@Override
	public String label() { return label; }

	/** The short names of ITK and elastix. */
	@Override
	public List<String> oldSpellings() {
		switch (this) {
			case MATTES_MI: return List.of("mi", "mattes");
			case MEAN_SQUARES: return List.of("mse");
			default: return List.of("ncc");
		}
	}

	public static String[] labels() {
		return Labels.of(MetricType.class).toArray(new String[0]);
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
