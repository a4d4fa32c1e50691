package org.medprep.io.dicom;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.nio.file.Paths;

/** Paths of the fixtures written by make_fixtures.py. */
final class Fixtures {

	private Fixtures() {}

	static Path root() {
		final URL url = Fixtures.class.getResource("/org/medprep/io/dicom/fixtures/expectations.json");
		if (url == null) throw new IllegalStateException("DICOM fixtures missing from the test classpath");
		try {
			return Paths.get(url.toURI()).getParent();
		}
		catch (final URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}

	static Path get(final String relative) {
		return root().resolve(relative);
	}
}
