package org.medprep.io.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Helpers shared by the fuzz targets. */
final class FuzzInputs {

	private FuzzInputs() {}

	/** A scratch file holding {@code data}, for readers that take paths; deleted by the caller. */
	static Path file(final String suffix, final byte[] data) throws IOException {
		final Path p = Files.createTempFile("medprep-fuzz", suffix);
		Files.write(p, data);
		return p;
	}
}
