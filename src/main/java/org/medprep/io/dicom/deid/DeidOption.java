package org.medprep.io.dicom.deid;

import java.util.Arrays;

/**
 * The options of the Basic Application Level Confidentiality Profile (PS3.15 E.3) that MedPrep
 * applies, each with its column in Table E.1-1 and its code in CID 7050 (De-identification Method).
 * Not offered: Clean Pixel Data, Clean Recognizable Visual Features and Clean Graphics (they need
 * changes to the stored pixels or overlay bitmaps, which this writer never makes; files that may carry
 * burned-in text are flagged instead, see {@link BurnedInRisk}) and Clean Structured Content (cleaning
 * SR free text needs more than string matching). Their table columns are still loaded.
 */
public enum DeidOption {
	RETAIN_LONG_FULL_DATES("retain full dates", "retain_long_full_dates", "113106",
		"Retain Longitudinal Temporal Information Full Dates Option"),
	RETAIN_LONG_MODIFIED_DATES("retain modified dates", "retain_long_modified_dates", "113107",
		"Retain Longitudinal Temporal Information Modified Dates Option"),
	RETAIN_PATIENT_CHARACTERISTICS("retain patient characteristics", "retain_patient_characteristics", "113108",
		"Retain Patient Characteristics Option"),
	RETAIN_DEVICE_IDENTITY("retain device identity", "retain_device_identity", "113109",
		"Retain Device Identity Option"),
	RETAIN_INSTITUTION_IDENTITY("retain institution identity", "retain_institution_identity", "113112",
		"Retain Institution Identity Option"),
	RETAIN_UIDS("retain UIDs", "retain_uids", "113110", "Retain UIDs Option"),
	RETAIN_SAFE_PRIVATE("retain safe private", "retain_safe_private", "113111", "Retain Safe Private Option"),
	CLEAN_DESCRIPTORS("clean descriptors", "clean_descriptors", "113105", "Clean Descriptors Option");

	private final String label;
	private final String column;
	private final String codeValue;
	private final String codeMeaning;

	DeidOption(final String label, final String column, final String codeValue, final String codeMeaning) {
		this.label = label;
		this.column = column;
		this.codeValue = codeValue;
		this.codeMeaning = codeMeaning;
	}

	public String label() { return label; }
	/** Header of this option's column in deid-basic-profile.csv. */
	public String column() { return column; }
	/** CID 7050 code value (coding scheme DCM). */
	public String codeValue() { return codeValue; }
	/** CID 7050 code meaning. */
	public String codeMeaning() { return codeMeaning; }

	public static String[] labels() {
		return Arrays.stream(values()).map(DeidOption::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static DeidOption fromLabel(final String label) {
		for (final DeidOption o : values())
			if (o.label.equalsIgnoreCase(label) || o.name().equalsIgnoreCase(label)) return o;
		throw new IllegalArgumentException("unknown de-identification option '" + label + "'; choose from " + Arrays.toString(labels()));
	}
}
