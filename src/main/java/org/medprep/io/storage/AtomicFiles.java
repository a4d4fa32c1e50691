package org.medprep.io.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * MedPrep's one write path: a reader never sees a half-written output. The
 * bytes go to a hidden temporary file in the target's own folder, which is
 * renamed onto the target only when everything was written; on any failure
 * the temporary files are deleted and the targets are left as they were.
 * <p>
 * <b>Temporary names.</b> A file written through a stream is staged as
 * {@code .NAME.HEX.part}; a file that a path-based writer writes (ImageJ's
 * {@code FileSaver}, a writer that picks its format by extension) as
 * {@code .staged-HEX-NAME}, which keeps the extension. Both are hidden, so
 * folder readers skip them, and {@link #targetOf(String)} tells which output a
 * leftover of a killed run belonged to.
 * <p>
 * <b>Permissions.</b> An output gets the permissions of any new file in its
 * folder (the process's umask decides, as for {@code cp}): temporary files are
 * plain new files, never {@code Files.createTempFile}'s owner-only ones, and a
 * replaced target does not keep its old mode. The one exception is a file that
 * holds a secret (e.g. the de-identification path map):
 * {@link #writePrivate(Path, Content)} creates it readable and writable by its
 * owner only ({@code rw-------} on POSIX file systems) before its first byte.
 * <p>
 * <b>Renames.</b> Each rename is atomic ({@code ATOMIC_MOVE}). On a file system
 * that cannot rename atomically (some network and FUSE mounts) it falls back
 * to a plain replacing move within the same folder: a reader may then briefly
 * see no file, but never a partial one. Folders a call needs are not created:
 * a missing folder is an error naming it.
 */
public final class AtomicFiles {

	private static final int BUFFER = 1 << 16;
	private static final String STAGED = ".staged-";
	private static final Pattern PART = Pattern.compile("^\\.(.+)\\.[0-9a-f]+\\.part$");
	private static final Pattern STAGED_FILE = Pattern.compile("^\\.staged-[0-9a-f]+-(.+)$");

	private AtomicFiles() {}

	/** Writes the content of one file to a stream (buffered by the caller). */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	/** Writes one file by its name, for writers that need a path; the path ends with the target's file name. */
	@FunctionalInterface
	public interface FileContent {
		void writeTo(Path temporary) throws IOException;
	}

	/** Renames a finished temporary file or folder onto its target. */
	@FunctionalInterface
	interface Mover {
		void move(Path source, Path target, CopyOption... options) throws IOException;

		Mover FILES = (source, target, options) -> Files.move(source, target, options);
	}

	/** Writes one file atomically. */
	public static void write(final Path target, final Content content) throws IOException {
		try (Staging s = staging()) {
			s.add(target, content);
			s.commit();
		}
	}

	/** Writes these bytes as one file, atomically. */
	public static void write(final Path target, final byte[] bytes) throws IOException {
		write(target, out -> out.write(bytes));
	}

	/** Writes one file atomically through a writer that needs a path. */
	public static void writeFile(final Path target, final FileContent content) throws IOException {
		try (Staging s = staging()) {
			s.addFile(target, content);
			s.commit();
		}
	}

	/**
	 * Writes several files (e.g. a header and its data file): all temporary
	 * files are written first, then renamed in order. If a rename fails, the
	 * remaining temporary files are deleted; targets already renamed stay.
	 */
	public static void write(final Map<Path, Content> targets) throws IOException {
		try (Staging s = staging()) {
			for (final Map.Entry<Path, Content> e : targets.entrySet()) s.add(e.getKey(), e.getValue());
			s.commit();
		}
	}

	/** Writes a file only its owner may read and write ({@code rw-------} on POSIX file systems), atomically. */
	public static void writePrivate(final Path target, final Content content) throws IOException {
		try (Staging s = new Staging(Mover.FILES, true)) {
			s.add(target, content);
			s.commit();
		}
	}

	/** A set of outputs written one by one and renamed into place together by {@link Staging#commit()}. */
	public static Staging staging() {
		return new Staging(Mover.FILES, false);
	}

	static Staging staging(final Mover mover) {
		return new Staging(mover, false);
	}

	/**
	 * Outputs staged beside their targets. Closing without a commit (or after a
	 * failed one) deletes every temporary file that was not renamed.
	 */
	public static final class Staging implements AutoCloseable {
		private final Mover mover;
		private final boolean ownerOnly;
		private final Map<Path, Path> staged = new LinkedHashMap<>();

		private Staging(final Mover mover, final boolean ownerOnly) {
			this.mover = mover;
			this.ownerOnly = ownerOnly;
		}

		/** Writes one output's temporary file now, through a stream. */
		public Staging add(final Path target, final Content content) throws IOException {
			final Path absolute = reserve(target);
			final Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + hex() + ".part");
			final OutputStream raw = ownerOnly && posix(temp)
				? Files.newOutputStream(Files.createFile(temp, ownerOnly()), StandardOpenOption.WRITE)
				: Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
			staged.put(absolute, temp);
			try (OutputStream out = new BufferedOutputStream(raw, BUFFER)) {
				content.writeTo(out);
			}
			return this;
		}

		/** Writes one output's temporary file now, through a writer that needs a path ending with the target's name. */
		public Staging addFile(final Path target, final FileContent content) throws IOException {
			if (ownerOnly) throw new IllegalStateException("owner-only files are written through a stream");
			final Path absolute = reserve(target);
			final Path temp = absolute.resolveSibling(STAGED + hex() + "-" + absolute.getFileName());
			staged.put(absolute, temp);
			content.writeTo(temp);
			if (!Files.isRegularFile(temp)) throw new IOException(target + ": the writer wrote nothing");
			return this;
		}

		/** Renames every temporary file onto its target, in the order they were added. */
		public List<Path> commit() throws IOException {
			final List<Path> done = new ArrayList<>();
			for (final Map.Entry<Path, Path> e : staged.entrySet()) {
				move(mover, e.getValue(), e.getKey(), StandardCopyOption.REPLACE_EXISTING);
				e.setValue(null);
				done.add(e.getKey());
			}
			return Collections.unmodifiableList(done);
		}

		/** Deletes the temporary files not renamed (all of them, without a commit). */
		@Override
		public void close() throws IOException {
			IOException failure = null;
			for (final Path temp : staged.values()) {
				if (temp == null) continue;
				try {
					Files.deleteIfExists(temp);
				}
				catch (final IOException e) {
					if (failure == null) failure = e;
					else failure.addSuppressed(e);
				}
			}
			staged.clear();
			if (failure != null) throw failure;
		}

		private Path reserve(final Path target) throws IOException {
			final Path absolute = target.toAbsolutePath().normalize();
			final Path folder = absolute.getParent();
			if (folder == null || !Files.isDirectory(folder)) throw new ImageFormatException(target, "cannot write: folder " + folder + " does not exist");
			if (staged.containsKey(absolute)) throw new IllegalArgumentException(target + " is staged twice");
			return absolute;
		}
	}

	/**
	 * A folder of outputs built beside its target (as {@code .NAME.HEX.part}) and
	 * renamed into place only when complete: all of it, or nothing. An existing
	 * target is never replaced.
	 */
	public static final class StagedFolder implements AutoCloseable {
		private final Mover mover;
		private final Path target;
		private final Path path;
		private boolean committed;

		private StagedFolder(final Mover mover, final Path target) throws IOException {
			this.mover = mover;
			this.target = target.toAbsolutePath().normalize();
			final Path parent = this.target.getParent();
			if (parent == null || !Files.isDirectory(parent)) throw new ImageFormatException(target, "cannot write: folder " + parent + " does not exist");
			this.path = Files.createDirectory(this.target.resolveSibling("." + this.target.getFileName() + "." + hex() + ".part"));
		}

		/** The hidden folder to write into. */
		public Path path() {
			return path;
		}

		/** Renames the finished folder onto its target, which must not exist. */
		public Path commit() throws IOException {
			move(mover, path, target);
			committed = true;
			return target;
		}

		/** Deletes the staging folder and everything in it, unless committed. */
		@Override
		public void close() throws IOException {
			if (committed || !Files.exists(path)) return;
			final List<Path> all = new ArrayList<>();
			try (Stream<Path> s = Files.walk(path)) {
				s.forEach(all::add);
			}
			Collections.reverse(all);
			for (final Path p : all) Files.deleteIfExists(p);
		}
	}

	/** A folder to build beside {@code target} and rename into place when complete. */
	public static StagedFolder stageFolder(final Path target) throws IOException {
		return new StagedFolder(Mover.FILES, target);
	}

	static StagedFolder stageFolder(final Path target, final Mover mover) throws IOException {
		return new StagedFolder(mover, target);
	}

	/** The output a temporary file of this class belongs to ({@code .NAME.HEX.part}, {@code .staged-HEX-NAME}), or null. */
	public static String targetOf(final String fileName) {
		Matcher m = PART.matcher(fileName);
		if (m.matches()) return m.group(1);
		m = STAGED_FILE.matcher(fileName);
		return m.matches() ? m.group(1) : null;
	}

	/** An atomic rename; a plain one in the same folder where the file system has none. */
	private static void move(final Mover mover, final Path source, final Path target, final CopyOption... options) throws IOException {
		final CopyOption[] atomic = new CopyOption[options.length + 1];
		System.arraycopy(options, 0, atomic, 0, options.length);
		atomic[options.length] = StandardCopyOption.ATOMIC_MOVE;
		if (options.length == 0 && Files.exists(target)) throw new ImageFormatException(target, "already exists");
		try {
			mover.move(source, target, atomic);
		}
		catch (final AtomicMoveNotSupportedException e) {
			mover.move(source, target, options);
		}
	}

	private static String hex() {
		return Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1);
	}

	private static boolean posix(final Path p) {
		return p.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	private static FileAttribute<?> ownerOnly() {
		return PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));
	}
}
