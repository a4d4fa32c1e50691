package org.medprep.cli.batch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputSafetyTest {

	@TempDir
	Path dir;

	@Test
	void outputsEqualToOrInsideAnInputAreRefused() throws IOException {
		final Path cases = Files.createDirectories(dir.resolve("cases"));
		final Path file = Files.write(cases.resolve("x.nii"), new byte[] { 1 });
		refused(Collections.singletonList(cases), cases, "is the input");
		refused(Collections.singletonList(cases), cases.resolve("out"), "lies inside the input");
		refused(Collections.singletonList(cases), cases.resolve("new/deeper"), "lies inside the input");
		refused(Collections.singletonList(file), file, "is the input");
		// an output folder holding an input: its outputs could overwrite it
		refused(Collections.singletonList(file), cases, "lies inside the output");
		refused(Arrays.asList(dir.resolve("elsewhere"), cases), dir, "lies inside the output");
		// through a link to the input folder
		final Path link = Files.createSymbolicLink(dir.resolve("link"), cases);
		refused(Collections.singletonList(cases), link.resolve("out"), "lies inside the input");
		refused(Collections.singletonList(link), cases, "is the input");
		// a sibling with a common prefix is outside
		assertDoesNotThrow(() -> OutputSafety.check(Collections.singletonList(cases), dir.resolve("cases-out")));
		assertDoesNotThrow(() -> OutputSafety.check(Collections.singletonList(file), dir.resolve("out/x.nii")));
	}

	private static void refused(final List<Path> inputs, final Path out, final String why) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OutputSafety.check(inputs, out));
		assertTrue(e.getMessage().contains(why), e.getMessage());
	}
}
