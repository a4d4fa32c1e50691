package org.medprep.core.spatial;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.Arrays;
import java.util.List;

/**
 * What the input looks like beyond its edges, with scipy.ndimage's meaning
 * (scipy 1.6 and later):
 * <ul>
 * <li>{@link #CONSTANT}: points outside {@code [0, n-1]} (in voxel index) get the
 * fill value; inside, cubic B-spline coefficients are mirrored, exactly as
 * scipy's {@code mode='constant'} (not {@code 'grid-constant'}).</li>
 * <li>{@link #NEAREST}: the edge value repeats ({@code a a | a b c d | d d}); for
 * cubic splines the input is padded by 12 edge voxels before the prefilter, as
 * scipy does.</li>
 * <li>{@link #MIRROR}: whole-sample symmetric ({@code d c b | a b c d | c b a}).</li>
 * <li>{@link #BOX}: ITK's convention: points inside the image's voxel box
 * ({@code [-0.5, n-0.5]} in index) take the edge value, points beyond get the
 * fill value. Unlike scipy's constant mode, resampling to a finer grid that
 * covers the same box keeps its outermost half voxels; padding still fills.</li>
 * </ul>
 */
public enum BoundaryMode implements Labelled {
	CONSTANT("constant"),
	NEAREST("nearest"),
	MIRROR("mirror"),
	BOX("constant outside the voxel box");

	private final String label;

	BoundaryMode(final String label) {
		this.label = label;
	}

	@Override
	public String label() { return label; }

	/** numpy's name for nearest. */
	@Override
	public List<String> oldSpellings() {
		return this == NEAREST ? List.of("edge") : List.of();
	}

	public static String[] labels() {
		return Labels.of(BoundaryMode.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static BoundaryMode fromLabel(final String label) {
		for (final BoundaryMode m : values())
			if (m.label.equalsIgnoreCase(label) || m.name().equalsIgnoreCase(label)) return m;
		if ("edge".equalsIgnoreCase(label)) return NEAREST;
		throw new IllegalArgumentException("unknown boundary mode '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
