package org.medprep.core.spatial;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.Arrays;
import java.util.List;

/**
 * How a value between voxel centres is computed.
 * <p>
 * {@link #NEAREST}, {@link #LINEAR} and {@link #CUBIC} are scipy.ndimage's
 * {@code order} 0, 1 and 3 (cubic = B-spline with the exact recursive
 * prefilter). {@link #LABEL} is for label maps: each label's one-hot mask is
 * interpolated linearly and the label with the largest weight wins (ties go to
 * the lowest label value), so no value absent from the input can appear and
 * boundaries are smooth instead of staircased.
 */
public enum Interpolation implements Labelled {
	NEAREST("nearest", 0),
	LINEAR("linear", 1),
	CUBIC("cubic B-spline", 3),
	LABEL("label (one-hot linear)", 1);

	private final String label;
	private final int order;

	Interpolation(final String label, final int order) {
		this.label = label;
		this.order = order;
	}

	@Override
	public String label() { return label; }

	/** scipy's orders and "cubic"/"bspline", as macros already write them. */
	@Override
	public List<String> oldSpellings() {
		switch (this) {
			case NEAREST: return List.of("0");
			case LINEAR: return List.of("1");
			case CUBIC: return List.of("3", "cubic", "bspline");
			default: return List.of();
		}
	}

	/** Polynomial order of the kernel (label mode interpolates its masks linearly). */
	public int order() { return order; }

	/** Whether the result can only take values present in the input. */
	public boolean preservesLabels() {
		return this == NEAREST || this == LABEL;
	}

	public static String[] labels() {
		return Labels.of(Interpolation.class).toArray(new String[0]);
	}

	/** Accepts the label, the enum name, "cubic", or a scipy order "0", "1", "3". @throws IllegalArgumentException listing the valid labels */
	public static Interpolation fromLabel(final String label) {
		for (final Interpolation i : values())
			if (i.label.equalsIgnoreCase(label) || i.name().equalsIgnoreCase(label)) return i;
		if ("0".equals(label)) return NEAREST;
		if ("1".equals(label)) return LINEAR;
		if ("3".equals(label) || "bspline".equalsIgnoreCase(label)) return CUBIC;
		throw new IllegalArgumentException("unknown interpolation '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
