package org.medprep.io.models;

import java.io.IOException;

/** A learned-model file (Nyúl standard scale, CT fingerprint: {@link NyulScaleFile}, {@link CtFingerprintFile}) is missing, unreadable or malformed; the message names the file. */
public class ModelFileException extends IOException {

	private static final long serialVersionUID = 1L;

	public ModelFileException(final String message) {
		super(message);
	}

	public ModelFileException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
