package org.medprep.io.storage;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that cannot be read (or written) as an image: wrong magic, truncated,
 * absurd dimensions, an unsupported data type... The message always starts
 * with the file it is about, then says what is wrong.
 */
public class ImageFormatException extends IOException {

	private static final long serialVersionUID = 1L;

	private final transient Path file;

	public ImageFormatException(final Path file, final String problem) {
		super(file + ": " + problem);
		this.file = file;
	}

	public ImageFormatException(final Path file, final String problem, final Throwable cause) {
		super(file + ": " + problem, cause);
		this.file = file;
	}

	/** The file the problem is about. */
	public Path file() {
		return file;
	}
}
