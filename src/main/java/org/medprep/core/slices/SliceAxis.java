package org.medprep.core.slices;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/**
 * The axis 2D slices are cut across. A slice's rows and columns are the two
 * other axes in index order (x fastest): axial slices are x by y, coronal x by
 * z, sagittal y by z.
 */
public enum SliceAxis implements Labelled {
	AXIAL("axial (z)", 2), CORONAL("coronal (y)", 1), SAGITTAL("sagittal (x)", 0);

	private final String label;
	private final int dimension;

	SliceAxis(final String label, final int dimension) {
		this.label = label;
		this.dimension = dimension;
	}

	@Override
	public String label() { return label; }

	/** The volume dimension the slices are cut across (0 x, 1 y, 2 z). */
	public int dimension() { return dimension; }

	/** The slice's column (fast) axis. */
	public int columnAxis() { return dimension == 0 ? 1 : 0; }

	/** The slice's row axis. */
	public int rowAxis() { return dimension == 2 ? 1 : 2; }

	public static String[] labels() {
		return Labels.of(SliceAxis.class).toArray(new String[0]);
	}

	public static SliceAxis fromLabel(final String label) {
		return Labels.parse(SliceAxis.class, label, "slice axis");
	}
}
