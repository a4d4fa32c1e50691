package org.medprep.cli.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaleStagingTest {

	@TempDir
	Path dir;

	@Test
	void stagingNamesMapToTheirOutputs() {
		assertEquals("a.nii.gz", StaleStaging.targetOf(".staged-a.nii.gz"));
		assertEquals("a.nii.gz", StaleStaging.targetOf(".a.nii.gz.1f2e3d4c.part"));
		assertEquals("a.tif", StaleStaging.targetOf("..staged-a.tif.00ff.part"));
		assertEquals("staged-x.nii", StaleStaging.targetOf(".staged-x.nii.abc.part"));
		assertEquals("a.csv", StaleStaging.targetOf(".staged-1f2e-a.csv"));
		assertEquals("a.tif", StaleStaging.targetOf("..staged-1f2e-a.tif.00ff.part"));
		assertNull(StaleStaging.targetOf("a.nii.gz"));
		assertNull(StaleStaging.targetOf(".hidden"));
		assertNull(StaleStaging.targetOf(".a.nii.gz.part"));
	}

	@Test
	void onlyTheStagingFilesOfThisRunsOutputsAreRemoved() throws IOException {
		for (final String f : new String[] { ".staged-a.nii.gz", ".a.nii.gz.12ab.part", "..staged-a_label_result.nii.gz.77.part", "a.nii.gz",
			".staged-b.nii.gz", ".b.nii.gz.99.part", "notes.txt" })
			Files.write(dir.resolve(f), new byte[] { 1 });
		Files.createDirectories(dir.resolve("sub"));
		Files.write(dir.resolve("sub/.c.nii.12.part"), new byte[] { 1 });
		final List<Path> removed = StaleStaging.clean(dir, Arrays.asList("a.nii.gz", "a_label_result.nii.gz", "sub/c.nii", "missing/d.nii"));
		assertEquals(4, removed.size(), removed.toString());
		try (Stream<Path> s = Files.walk(dir)) {
			assertEquals(Arrays.asList(".b.nii.gz.99.part", ".staged-b.nii.gz", "a.nii.gz", "notes.txt", "sub"),
				s.filter(p -> !p.equals(dir)).map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList()));
		}
	}
}
