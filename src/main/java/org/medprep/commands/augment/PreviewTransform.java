package org.medprep.commands.augment;

import org.medprep.core.Labelled;

/** The transforms Augmentation Preview can draw, each with moderate settings. */
public enum PreviewTransform implements Labelled {
	AFFINE("Random Affine"),
	ROTATE("Random Rotate 3D"),
	ZOOM("Random Zoom"),
	FLIP("Random Flip"),
	ELASTIC_DENSE("Random Elastic dense"),
	ELASTIC_GRID("Random Elastic control grid");

	private final String label;

	PreviewTransform(final String label) { this.label = label; }

	@Override
	public String label() { return label; }
}
