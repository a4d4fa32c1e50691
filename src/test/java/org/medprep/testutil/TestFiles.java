package org.medprep.testutil;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.medprep.GeneratedFiles;

/** Test fixtures on disk: the DICOM fixtures of io.dicom, copied where a test needs them. */
public final class TestFiles {

	public static final Path DICOM_FIXTURES = GeneratedFiles.projectDir().resolve("src/test/resources/org/medprep/io/dicom/fixtures");

	private TestFiles() {}

	public static void copyTree(final Path from, final Path to) throws IOException {
		try (Stream<Path> s = Files.walk(from)) {
			for (final Path p : s.collect(Collectors.toList())) {
				final Path t = to.resolve(from.relativize(p).toString());
				if (Files.isDirectory(p)) Files.createDirectories(t);
				else Files.copy(p, t);
			}
		}
	}
}
