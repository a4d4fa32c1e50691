package org.medprep.io.dicom.deid;

/**
 * A file that cannot be de-identified (unreadable, unsupported, patient missing from the mapping...).
 * Messages never contain values from the file: they end up in the audit log, which must be free of PHI.
 */
public class DeidException extends Exception {

	private static final long serialVersionUID = 1L;

	public DeidException(final String message) {
		super(message);
	}

	public DeidException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
