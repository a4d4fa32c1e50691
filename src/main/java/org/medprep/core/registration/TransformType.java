package org.medprep.core.registration;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.Arrays;
import java.util.List;

/**
 * The transform a registration estimates, each a map {@code T(x) = A (x - c) + c + t}
 * about a fixed centre {@code c} in patient coordinates (mm, LPS), from a point
 * of the fixed image to the point of the moving image it corresponds to (the
 * pull-back that ITK and elastix estimate). Parameters, in order:
 * <ul>
 * <li>{@link #TRANSLATION}: {@code tx ty tz} (mm);</li>
 * <li>{@link #RIGID}: angles {@code ax ay az} (radians, {@code A = Rz Ry Rx}), then {@code tx ty tz};</li>
 * <li>{@link #SIMILARITY}: the rigid angles, one scale factor {@code s} ({@code A = s Rz Ry Rx}), then {@code tx ty tz};</li>
 * <li>{@link #AFFINE}: the nine elements of {@code A} row by row, then {@code tx ty tz} (ITK's order).</li>
 * </ul>
 */
public enum TransformType implements Labelled {
	TRANSLATION("translation", 3),
	RIGID("rigid", 6),
	SIMILARITY("similarity", 7),
	AFFINE("affine", 12);

	private final String label;
	private final int parameterCount;

	TransformType(final String label, final int parameterCount) {
		this.label = label;
		this.parameterCount = parameterCount;
	}

	@Override
	public String label() { return label; }

	/** ITK's name for a rigid transform. */
	@Override
	public List<String> oldSpellings() {
		return this == RIGID ? List.of("euler") : List.of();
	}

	public int parameterCount() { return parameterCount; }

	/** Index of the first translation parameter. */
	int translationIndex() {
		return parameterCount - 3;
	}

	/** The parameters of the identity map. */
	double[] identityParameters() {
		final double[] p = new double[parameterCount];
		if (this == SIMILARITY) p[3] = 1;
		if (this == AFFINE) p[0] = p[4] = p[8] = 1;
		return p;
	}

	public static String[] labels() {
		return Labels.of(TransformType.class).toArray(new String[0]);
	}

	/** Accepts the label or the enum name ("euler" for rigid). @throws IllegalArgumentException listing the valid labels */
	public static TransformType fromLabel(final String label) {
		for (final TransformType t : values())
			if (t.label.equalsIgnoreCase(label) || t.name().equalsIgnoreCase(label)) return t;
		if ("euler".equalsIgnoreCase(label)) return RIGID;
		throw new IllegalArgumentException("unknown transform '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
