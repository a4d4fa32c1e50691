package org.medprep.io.dicom.codec;

/**
 * A codestream that cannot be decoded: corrupt, truncated, or using a feature
 * the decoder does not implement. The message says what, without naming the
 * file (the caller adds it).
 */
public final class CodecException extends Exception {

	private static final long serialVersionUID = 1L;

	public CodecException(final String message) {
		super(message);
	}

	public CodecException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
