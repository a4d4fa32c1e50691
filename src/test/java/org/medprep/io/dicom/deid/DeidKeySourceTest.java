package org.medprep.io.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One rule for the key in every host: the key, else the key file, else $MEDPREP_DEID_KEY. */
class DeidKeySourceTest {

	@TempDir
	Path tmp;

	@Test
	void keyThenFileThenEnvironment() throws Exception {
		final Path file = tmp.resolve("key.txt");
		Files.write(file, List.of("  from-file  ", "second line ignored"), StandardCharsets.UTF_8);
		assertEquals("given", DeidKeySource.resolve("given", null, "from-env"));
		assertEquals("from-file", DeidKeySource.resolve("", file, "from-env"));
		assertEquals("from-file", DeidKeySource.resolve(null, file, null));
		assertEquals("from-env", DeidKeySource.resolve("", null, "from-env"));
		assertEquals("from-env", DeidKeySource.resolve(null, Path.of(""), "from-env"), "an empty file parameter is no file (a macro's default)");
	}

	@Test
	void mistakesAreRefusedWithTheFix() throws Exception {
		final Path file = tmp.resolve("key.txt");
		Files.write(file, List.of("k"), StandardCharsets.UTF_8);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> DeidKeySource.resolve("k", file, null)).getMessage().contains("not both"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> DeidKeySource.resolve(null, null, "")).getMessage()
			.contains("no key: give a key file, a key, or set $MEDPREP_DEID_KEY"));
		final Path empty = Files.createFile(tmp.resolve("empty.txt"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> DeidKeySource.resolve(null, empty, "env")).getMessage().contains("is empty"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> DeidKeySource.resolve(null, tmp.resolve("none"), "env")).getMessage()
			.startsWith("cannot read the key file"));
	}
}
