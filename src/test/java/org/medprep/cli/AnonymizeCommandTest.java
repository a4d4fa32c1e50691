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

	/** One vocabulary: every option of the "DICOM Anonymize" command is a CLI option, with its description. */
	@Test
	void optionsAreTheCommandsParameters() {
		final picocli.CommandLine.Model.CommandSpec spec = MedPrepCli.commandLine().getSubcommands().get("anonymize").getCommandSpec();
		int n = 0;
		for (final org.scijava.module.ModuleItem<?> item : org.medprep.commands.imagej.CommandOptions.optionItems(
			new org.scijava.command.CommandInfo(org.medprep.commands.dicom.DicomAnonymizeCommand.class)))
		{
			if (item.getName().equals("input_folder") || item.getName().equals("output_folder")) continue;
			final picocli.CommandLine.Model.OptionSpec o = spec.findOption("--" + item.getName().replace('_', '-'));
			assertTrue(o != null, item.getName() + " has no CLI option");
			assertTrue(String.join(" ", o.description()).startsWith(item.getDescription()), item.getName());
			n++;
		}
		assertEquals(13, n, "key, key_file, path_map, mapping_csv, 8 options of the profile, write_flagged");
		for (final String documented : new String[] { "--key", "--key-file", "--mapping-csv", "--retain-full-dates", "--retain-modified-dates",
			"--retain-patient-characteristics", "--retain-device-identity", "--retain-institution-identity", "--retain-uids", "--retain-safe-private",
			"--clean-descriptors", "--write-flagged", "--threads", "--path-map" })
			assertTrue(spec.findOption(documented) != null, documented);
	}

	@Test
	void pathMapWhereAskedAndAuditWithoutPaths(@TempDir final Path tmp) throws Exception {
		final Path map = tmp.resolve("private/paths.csv");
		final Run r = new Run("anonymize", fixture("study").toString(), tmp.resolve("out").toString(), "--key", "k", "--path-map", map.toString());
		assertEquals(0, r.code, r.err);
		assertTrue(r.out.contains("path map " + map), r.out);
		assertEquals(10, Files.readAllLines(map).size());
		final String audit = Files.readString(tmp.resolve("out/deid-audit.csv"));
		assertFalse(audit.contains("series") || audit.contains(".dcm,,"), audit);
		final Run inside = new Run("anonymize", fixture("study").toString(), tmp.resolve("o2").toString(), "--key", "k", "--path-map",
			tmp.resolve("o2/paths.csv").toString());
		assertEquals(MedPrepCli.EXIT_USAGE, inside.code);
		assertTrue(inside.err.contains("inside the output folder"), inside.err);
	}
}
