package org.medprep.io.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	@Test
	void writesTheFileAndLeavesNoTemporaryFile() throws IOException {
		final Path f = dir.resolve("a.txt");
		AtomicFiles.write(f, bytes("one"));
		AtomicFiles.write(f, bytes("two")); // replaces
		assertEquals("two", text(f));
		assertEquals(List.of("a.txt"), listing());
	}

	@Test
	void aFailedWriteLeavesTheTargetAsItWas() throws IOException {
		final Path f = dir.resolve("a.txt");
		AtomicFiles.write(f, bytes("old"));
		assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
			out.write(bytes("half"));
			throw new IOException("disk full");
		}));
		assertEquals("old", text(f));
		assertEquals(List.of("a.txt"), listing());
	}

	@Test
	void severalFilesAreRenamedOnlyWhenAllAreWritten() throws IOException {
		final Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
		files.put(dir.resolve("a.mhd"), out -> out.write(bytes("header")));
		files.put(dir.resolve("a.raw"), out -> {
			throw new IOException("broken");
		});
		assertThrows(IOException.class, () -> AtomicFiles.write(files));
		assertEquals(List.of(), listing());
		files.put(dir.resolve("a.raw"), out -> out.write(bytes("data")));
		AtomicFiles.write(files);
		assertEquals(List.of("a.mhd", "a.raw"), listing());
	}

	@Test
	void aPathWriterSeesAHiddenNameEndingWithTheTargetsName() throws IOException {
		final Path f = dir.resolve("case_1.nii.gz");
		final List<Path> seen = new ArrayList<>();
		AtomicFiles.writeFile(f, tmp -> {
			seen.add(tmp);
			Files.write(tmp, bytes("x"));
		});
		final String name = seen.get(0).getFileName().toString();
		assertTrue(name.startsWith(".") && name.endsWith("case_1.nii.gz"), name);
		assertEquals(seen.get(0).getParent(), f.toAbsolutePath().getParent());
		assertEquals("case_1.nii.gz", AtomicFiles.targetOf(name));
		assertEquals("x", text(f));
		assertThrows(IOException.class, () -> AtomicFiles.writeFile(dir.resolve("b.png"), tmp -> {}), "a writer that writes nothing");
		assertEquals(List.of("case_1.nii.gz"), listing());
	}

	@Test
	void stagingWithoutCommitLeavesNothing() throws IOException {
		try (AtomicFiles.Staging s = AtomicFiles.staging()) {
			s.add(dir.resolve("a.txt"), out -> out.write(bytes("a")));
			s.addFile(dir.resolve("b.csv"), tmp -> Files.write(tmp, bytes("b")));
			assertEquals(2, listing().size());
		}
		assertEquals(List.of(), listing());
		try (AtomicFiles.Staging s = AtomicFiles.staging()) {
			s.add(dir.resolve("a.txt"), out -> out.write(bytes("a")));
			s.addFile(dir.resolve("b.csv"), tmp -> Files.write(tmp, bytes("b")));
			assertEquals(Arrays.asList(dir.resolve("a.txt"), dir.resolve("b.csv")), s.commit());
		}
		assertEquals(List.of("a.txt", "b.csv"), listing());
	}

	@Test
	void aMissingFolderIsNamed() {
		final IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(dir.resolve("no/a.txt"), bytes("a")));
		assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
	}

	/** A file system without atomic renames (some network and FUSE mounts): a plain replacing move in the same folder. */
	@Test
	void withoutAtomicMovesAPlainRenameInTheSameFolderIsUsed() throws IOException {
		final List<List<CopyOption>> calls = new ArrayList<>();
		final AtomicFiles.Mover noAtomicMoves = (source, target, options) -> {
			calls.add(Arrays.asList(options));
			if (Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE)) throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "simulated");
			assertEquals(source.getParent(), target.getParent(), "the temporary file is beside its target");
			Files.move(source, target, options);
		};
		final Path f = dir.resolve("a.txt");
		Files.write(f, bytes("old"));
		try (AtomicFiles.Staging s = AtomicFiles.staging(noAtomicMoves)) {
			s.add(f, out -> out.write(bytes("new")));
			s.addFile(dir.resolve("b.csv"), tmp -> Files.write(tmp, bytes("b")));
			s.commit();
		}
		assertEquals("new", text(f));
		assertEquals("b", text(dir.resolve("b.csv")));
		assertEquals(List.of("a.txt", "b.csv"), listing());
		assertEquals(4, calls.size(), "each rename tried atomically first");
		assertEquals(List.of(StandardCopyOption.REPLACE_EXISTING), calls.get(1));

		try (AtomicFiles.StagedFolder folder = AtomicFiles.stageFolder(dir.resolve("Dataset"), noAtomicMoves)) {
			Files.write(folder.path().resolve("dataset.json"), bytes("{}"));
			folder.commit();
		}
		assertEquals("{}", text(dir.resolve("Dataset/dataset.json")));
	}

	@Test
	void aStagedFolderAppearsWholeOrNotAtAll() throws IOException {
		try (AtomicFiles.StagedFolder folder = AtomicFiles.stageFolder(dir.resolve("Dataset"))) {
			Files.createDirectories(folder.path().resolve("imagesTr"));
			Files.write(folder.path().resolve("imagesTr/a.nii"), bytes("a"));
			assertTrue(folder.path().getFileName().toString().startsWith(".Dataset."));
		}
		assertEquals(List.of(), listing());
		try (AtomicFiles.StagedFolder folder = AtomicFiles.stageFolder(dir.resolve("Dataset"))) {
			Files.write(folder.path().resolve("dataset.json"), bytes("{}"));
			assertEquals(dir.resolve("Dataset"), folder.commit());
		}
		try (AtomicFiles.StagedFolder folder = AtomicFiles.stageFolder(dir.resolve("Dataset"))) {
			assertThrows(IOException.class, folder::commit, "an existing folder is never replaced");
		}
		assertEquals(List.of("Dataset"), listing());
	}

	/** The permission policy: outputs as any new file (the umask decides); secrets owner-only from the first byte. */
	@Test
	void outputsGetTheUsualPermissionsAndSecretsAreOwnerOnly() throws IOException {
		assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
		final Path plain = Files.createFile(dir.resolve("plain"));
		final Path out = dir.resolve("out.txt"), secret = dir.resolve("paths.csv");
		AtomicFiles.write(out, bytes("a"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
		AtomicFiles.writePrivate(secret, o -> o.write(bytes("input,id")));
		assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(secret));
		Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
		AtomicFiles.write(out, bytes("b"));
		assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out), "a replaced file is a new file");
	}

	@Test
	void temporaryNamesTellTheirTarget() {
		assertEquals("a.nii.gz", AtomicFiles.targetOf(".a.nii.gz.1f2e3d4c.part"));
		assertEquals("a.nii.gz", AtomicFiles.targetOf(".staged-1f2e3d4c-a.nii.gz"));
		assertNull(AtomicFiles.targetOf("a.nii.gz"));
		assertNull(AtomicFiles.targetOf(".hidden"));
		assertFalse(AtomicFiles.targetOf(".staged-ff-x.tif").isEmpty());
	}

	private List<String> listing() throws IOException {
		try (Stream<Path> s = Files.list(dir)) {
			return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
		}
	}

	private static byte[] bytes(final String s) {
		return s.getBytes(StandardCharsets.UTF_8);
	}

	private static String text(final Path p) throws IOException {
		return new String(Files.readAllBytes(p), StandardCharsets.UTF_8);
	}
}
