package org.medprep.io.transform;

import java.io.IOException;
import java.nio.file.Path;

/** A transform file that cannot be read: names the file and what is wrong. */
public final class TransformFileException extends IOException {

	private static final long serialVersionUID = 1L;

	public TransformFileException(final Path file, final String problem) {
		super(file + ": " + problem);
	}
}
