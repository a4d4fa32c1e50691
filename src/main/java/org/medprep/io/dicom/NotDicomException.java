package org.medprep.io.dicom;

/**
 * The file is not DICOM at all (no "DICM" marker and no recognisable data set):
 * folder scans skip such files and report them instead of failing.
 */
public class NotDicomException extends DicomException {

	private static final long serialVersionUID = 1L;

	public NotDicomException(final String message) {
		super(message);
	}
}
