package org.medprep.io.dicom.codec;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** The compressed fixtures written by make_codec_fixtures.py, and its manifest of cases. */
final class CodecFixtures {

	/** One compressed series and the series it must equal (the original, or a reference decoder's output). */
	static final class Case {
		final String kind;
		final String transferSyntax;
		final String folder;
		final String expected;
		final String tool;
		final String note;

		Case(final String[] f) {
			kind = f[0];
			transferSyntax = f[1];
			folder = f[2];
			expected = f[3];
			tool = f[4];
			note = f.length > 5 ? f[5] : "";
		}

		@Override
		public String toString() {
			return folder + " (" + tool + (note.isEmpty() ? "" : ", " + note) + ")";
		}
	}

	private CodecFixtures() {}

	static Path root() {
		final URL url = CodecFixtures.class.getResource("/org/medprep/io/dicom/codec/fixtures/manifest.tsv");
		if (url == null) throw new IllegalStateException("codec fixtures missing from the test classpath");
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

	static List<Case> cases() throws IOException {
		final List<Case> out = new ArrayList<>();
		final List<String> lines = Files.readAllLines(root().resolve("manifest.tsv"), StandardCharsets.UTF_8);
		for (final String line : lines.subList(1, lines.size()))
			if (!line.isEmpty()) out.add(new Case(line.split("\t", -1)));
		return out;
	}
}
