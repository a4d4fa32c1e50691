package org.medprep.cli.batch;

/**
 * How DICOM cases are named. By default only from values that identify no
 * patient: series number, modality and a short digest of the Series Instance
 * UID (stable across runs, so resume and seeds find the same case again).
 * Series descriptions and folder names can carry patient data (the
 * confidentiality profile removes descriptions), so they are used only when asked.
 */
public enum DicomNaming {

	/** {@code s002_CT_1f3a9c0e}: series number, modality, UID digest. */
	SERIES("series"),
	/** {@code s002_CT_chest_1mm_1f3a9c0e}: plus the series description (patient name and ID words removed). */
	DESCRIPTION("description"),
	/** {@code study42_s002}: the folder the series is in (relative to the input), as it is named. */
	FOLDER("folder");

	private final String label;

	DicomNaming(final String label) {
		this.label = label;
	}

	public String label() { return label; }

	/** @throws IllegalArgumentException listing the choices */
	public static DicomNaming fromLabel(final String label) {
		for (final DicomNaming n : values())
			if (n.label.equalsIgnoreCase(label)) return n;
		throw new IllegalArgumentException("unknown DICOM naming '" + label + "' (series, description or folder)");
	}
}
