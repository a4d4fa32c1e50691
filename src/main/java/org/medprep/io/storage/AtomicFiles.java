package org.medprep.io.storage;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes files so that a reader never sees a half-written output: the bytes go
 * to a temporary file in the target's folder, which is renamed onto the target
 * only when everything was written. On any failure the temporary files are
 * deleted and the targets are left as they were.
 */
public final class AtomicFiles {

	private static final int BUFFER = 1 << 16;

	private AtomicFiles() {}

	/** Writes the content of one file to a stream (buffered by the caller). */
	@FunctionalInterface
	public interface Content {
		void writeTo(OutputStream out) throws IOException;
	}

	/** Writes one file atomically. */
	public static void write(final Path target, final Content content) throws IOException {
		final Map<Path, Content> one = new LinkedHashMap<>();
		one.put(target, content);
		write(one);
	}

	/**
	 * Writes several files (e.g. a header and its data file): all temporary
	 * files are written first, then renamed in order. If a rename fails, the
	 * remaining temporary files are deleted; targets already renamed stay.
	 */
	public static void write(final Map<Path, Content> targets) throws IOException {
		final List<Path> temps = new ArrayList<>();
		try {
			for (final Map.Entry<Path, Content> e : targets.entrySet()) {
				final Path target = e.getKey().toAbsolutePath();
				final Path folder = target.getParent();
				if (folder == null || !Files.isDirectory(folder))
					throw new ImageFormatException(target, "cannot write: folder " + folder + " does not exist");
				final Path temp = folder.resolve("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 1) + ".part");
				// CREATE_NEW (not createTempFile, whose files are private: 0600) so the output gets the usual permissions
				final OutputStream raw = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				temps.add(temp);
				try (OutputStream out = new BufferedOutputStream(raw, BUFFER)) {
					e.getValue().writeTo(out);
				}
			}
			int i = 0;
			for (final Path target : targets.keySet()) {
				move(temps.get(i), target.toAbsolutePath());
				temps.set(i, null);
				i++;
			}
		}
		catch (IOException | RuntimeException | Error ex) {
			for (final Path temp : temps) {
				if (temp == null) continue;
				try {
					Files.deleteIfExists(temp);
				}
				catch (final IOException suppressed) {
					ex.addSuppressed(suppressed);
				}
			}
			throw ex;
		}
	}

	private static void move(final Path temp, final Path target) throws IOException {
		try {
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (final AtomicMoveNotSupportedException e) {
			Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
		}
	}
}
