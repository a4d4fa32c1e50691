package org.medprep.commands.io;

import org.medprep.core.Labelled;
import org.medprep.io.dicom.SlicePlane;

/** Which series Import DICOM Series keeps by plane: all of them, or those in one plane. */
public enum PlaneFilter implements Labelled {
	ALL("all"),
	AXIAL("axial"),
	CORONAL("coronal"),
	SAGITTAL("sagittal"),
	OBLIQUE("oblique");

	private final String label;

	PlaneFilter(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	/** The plane kept, or null for all. */
	public SlicePlane plane() { return this == ALL ? null : SlicePlane.valueOf(name()); }
}
