package org.medprep.io.dicom.deid;

/**
 * What the confidentiality profile does to one attribute (PS3.15 Annex E, Table E.1-1 action codes).
 * Compound codes of the table (X/Z, X/D, Z/D, X/Z/D, X/Z/U*) are resolved to one of these by
 * {@link ConfidentialityProfile#resolveCompound(String)}.
 */
public enum DeidAction {
	/** X: remove the attribute. */
	REMOVE("X"),
	/** Z: replace with a zero-length value (a sequence with no items). */
	ZERO("Z"),
	/** D: replace with a non-zero-length dummy value of the same VR ({@link DummyValues}). */
	DUMMY("D"),
	/** K: keep (a sequence is kept and its items are de-identified recursively). */
	KEEP("K"),
	/**
	 * C: clean. Dates/date-times are shifted by the per-patient offset; text is kept with the
	 * identifying strings of the same data set blanked; sequences are kept and cleaned recursively;
	 * AE titles (device identity) get a dummy value.
	 */
	CLEAN("C"),
	/** U: replace the UID by its keyed-hash replacement; for a sequence, keep it and remap the UIDs inside. */
	REPLACE_UID("U");

	private final String code;

	DeidAction(final String code) {
		this.code = code;
	}

	/** The single-letter code of Table E.1-1. */
	public String code() { return code; }

	/** @throws IllegalArgumentException for anything but X, Z, D, K, C, U */
	public static DeidAction fromCode(final String code) {
		for (final DeidAction a : values())
			if (a.code.equals(code)) return a;
		throw new IllegalArgumentException("unknown de-identification action code '" + code + "' (expected X, Z, D, K, C or U)");
	}
}
