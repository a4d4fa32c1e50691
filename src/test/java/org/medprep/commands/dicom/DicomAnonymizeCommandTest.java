package org.medprep.commands.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.commands.engine.CommandFailedException;
import org.medprep.commands.imagej.CommandInvocation;
import org.medprep.io.dicom.DicomParser;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

/** "DICOM Anonymize" run headless through a real SciJava context with macro options. */
class DicomAnonymizeCommandTest {

	private static Context context;
	private static CommandInvocation invocation;
	private static CommandInfo info;

	@BeforeAll
	static void start() {
		context = new Context();
		invocation = new CommandInvocation(context);
		info = context.service(CommandService.class).getCommand(DicomAnonymizeCommand.class.getName());
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void anonymizesFolderFromMacroOptions(@TempDir final Path tmp) throws Exception {
		final Path in = Paths.get(getClass().getResource("/org/medprep/io/dicom/deid/study/seriesA").toURI());
		final Path out = tmp.resolve("out dir");
		assertEquals("Plugins>MedPrep>DICOM>DICOM Anonymize", info.getMenuPath().getMenuString(true).replace(" > ", ">"));
		final Map<String, Object> o = invocation.run(info, "input_folder=[" + in + "] output_folder=[" + out
			+ "] key=secret-key retain_modified_dates=true retain_patient_characteristics=true", null).outputs();
		assertEquals(0, o.get("failed"));
		assertTrue(((String) o.get("summary")).startsWith("3 files: 3 written"), (String) o.get("summary"));
		assertEquals(out.resolve("deid-audit.csv").toString(), o.get("audit_log"));
		try (Stream<Path> s = Files.walk(out)) {
			final Path first = s.filter(p -> p.toString().endsWith(".dcm")).findFirst().get();
			assertEquals("M", DicomParser.read(first).dataset().getString(0x00100040, ""), "patient characteristics kept");
			assertEquals("MODIFIED", DicomParser.read(first).dataset().getString(0x00280303, ""));
		}
	}

	@Test
	void badParametersFailWithAMessage(@TempDir final Path tmp) throws Exception {
		final Path in = Paths.get(getClass().getResource("/org/medprep/io/dicom/deid/study/seriesA").toURI());
		if (System.getenv(org.medprep.io.dicom.deid.DeidKeySource.ENV) == null) {
			final CommandFailedException noKey = assertThrows(CommandFailedException.class,
				() -> invocation.run(info, "input_folder=[" + in + "] output_folder=[" + tmp.resolve("o") + "]", null));
			assertTrue(noKey.getMessage().contains("no key: give a key file, a key, or set $MEDPREP_DEID_KEY"), noKey.getMessage());
		}
		final Path keyFile = tmp.resolve("key.txt");
		Files.write(keyFile, java.util.Collections.singletonList("secret-key"), java.nio.charset.StandardCharsets.UTF_8);
		final Map<String, Object> viaFile = invocation.run(info, "input_folder=[" + in + "] output_folder=[" + tmp.resolve("k")
			+ "] key_file=[" + keyFile + "]", null).outputs();
		assertEquals(0, viaFile.get("failed"));
		final CommandFailedException both = assertThrows(CommandFailedException.class, () -> invocation.run(info, "input_folder=[" + in
			+ "] output_folder=[" + tmp.resolve("b") + "] key=k key_file=[" + keyFile + "]", null));
		assertTrue(both.getMessage().contains("give the key once"), both.getMessage());
		final CommandFailedException mapInside = assertThrows(CommandFailedException.class, () -> invocation.run(info, "input_folder=[" + in
			+ "] output_folder=[" + tmp.resolve("m") + "] key=k path_map=[" + tmp.resolve("m").resolve("paths.csv") + "]", null));
		assertTrue(mapInside.getMessage().contains("path map") && mapInside.getMessage().contains("inside the output folder"), mapInside.getMessage());
		final CommandFailedException inside = assertThrows(CommandFailedException.class,
			() -> invocation.run(info, "input_folder=[" + in + "] output_folder=[" + in.resolve("o") + "] key=k", null));
		assertTrue(inside.getMessage().contains("inside the input folder"), inside.getMessage());
	}
}
