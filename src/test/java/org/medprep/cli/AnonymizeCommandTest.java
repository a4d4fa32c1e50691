package org.medprep.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code medprep anonymize}: exit codes and messages. */
class AnonymizeCommandTest {

	private static final class Run {
		final int code;
		final String out;
		final String err;

		Run(final String... args) {
			final StringWriter o = new StringWriter();
			final StringWriter e = new StringWriter();
			code = MedPrepCli.execute(new PrintWriter(o, true), new PrintWriter(e, true), args);
			out = o.toString();
			err = e.toString();
		}
	}

	private static Path fixture(final String name) throws Exception {
		return Paths.get(AnonymizeCommandTest.class.getResource("/org/medprep/io/dicom/deid/" + name).toURI());
	}

	@Test
	void cleanFolderExitsZero(@TempDir final Path tmp) throws Exception {
		final Path keyFile = tmp.resolve("key.txt");
		Files.write(keyFile, Collections.singletonList("secret-key"), StandardCharsets.UTF_8);
		final Run r = new Run("anonymize", fixture("study").toString(), tmp.resolve("out").toString(), "--key-file", keyFile.toString(),
			"--retain-modified-dates", "--threads", "1");
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("9 files: 9 written"), r.out);
		assertTrue(Files.exists(tmp.resolve("out").resolve("deid-audit.csv")));
	}

	@Test
	void badFilesExitOneAndAreNamed(@TempDir final Path tmp) throws Exception {
		final Run r = new Run("anonymize", fixture("bad").toString(), tmp.resolve("out").toString(), "--key", "k");
		assertEquals(MedPrepCli.EXIT_FAILURES, r.code, r.out + r.err);
		assertTrue(r.err.contains("truncated.dcm: failed:") && r.err.contains("notes.txt: not_dicom:"), r.err);
	}

	@Test
	void usageErrorsExitTwo(@TempDir final Path tmp) throws Exception {
		final Path in = fixture("study");
		final Run inside = new Run("anonymize", in.toString(), in.resolve("out").toString(), "--key", "k");
		assertEquals(MedPrepCli.EXIT_USAGE, inside.code);
		assertTrue(inside.err.contains("inside the input folder"), inside.err);
		assertFalse(Files.exists(in.resolve("out")));
		if (System.getenv(AnonymizeCommand.KEY_ENV) == null) {
			final Run noKey = new Run("anonymize", in.toString(), tmp.resolve("o").toString());
			assertEquals(MedPrepCli.EXIT_USAGE, noKey.code);
			assertTrue(noKey.err.contains("no key"), noKey.err);
		}
		final Run both = new Run("anonymize", in.toString(), tmp.resolve("o").toString(), "--retain-full-dates", "--retain-modified-dates", "--key", "k");
		assertEquals(MedPrepCli.EXIT_USAGE, both.code);
		assertTrue(both.err.contains("at most one"), both.err);
	}
}
