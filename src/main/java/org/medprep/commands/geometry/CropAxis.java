package org.medprep.commands.geometry;

import org.medprep.core.Labelled;

/** The axis a range is cropped along; its ordinal is the dimension. */
public enum CropAxis implements Labelled {
	X("x"),
	Y("y"),
	Z("z");

	private final String label;

	CropAxis(final String label) { this.label = label; }

	@Override
	public String label() { return label; }
}
