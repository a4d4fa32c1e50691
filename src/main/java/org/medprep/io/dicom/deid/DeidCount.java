package org.medprep.io.dicom.deid;

/** What the de-identifier counts per file (audit log columns; counts only, never values). */
public enum DeidCount {
	REMOVED("removed"),
	ZEROED("zeroed"),
	DUMMIED("dummied"),
	KEPT("kept_by_profile"),
	CLEANED("cleaned"),
	/** Text attributes the table does not list in which identifying values of the file were blanked. */
	SCRUBBED("unlisted_text_scrubbed"),
	UIDS_REPLACED("uids_replaced"),
	DATES_SHIFTED("dates_shifted"),
	PSEUDONYMIZED("pseudonymized"),
	PRIVATE_REMOVED("private_removed"),
	PRIVATE_KEPT("private_kept"),
	/** Public elements the data dictionary does not know (unknown meaning, so removed). */
	UNKNOWN_REMOVED("unknown_removed"),
	GROUP_LENGTHS_DROPPED("group_lengths_dropped"),
	ODD_LENGTHS_PADDED("odd_lengths_padded"),
	/** Oddities the parser tolerated in the input (stray delimiters, VR switches...); see the parser's warnings. */
	PARSER_WARNINGS("parser_warnings");

	private final String column;

	DeidCount(final String column) {
		this.column = column;
	}

	/** Column name in the audit CSV. */
	public String column() { return column; }
}
