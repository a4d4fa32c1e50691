package org.medprep.io.dicom;

import java.io.IOException;

/**
 * A DICOM file or series that cannot be read as asked. The message names the
 * file (or folder) and what is wrong with it.
 */
public class DicomException extends IOException {

	private static final long serialVersionUID = 1L;

	public DicomException(final String message) {
		super(message);
	}

	public DicomException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
