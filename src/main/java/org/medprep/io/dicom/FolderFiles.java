package org.medprep.io.dicom;

import java.io.IOException;

import org.medprep.io.UserMessages;
import java.nio.file.FileSystemLoopException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The files of a folder tree for a DICOM scan. Symbolic links are followed
 * (PACS exports and study folders are often assembled from links to files and
 * series folders), a link loop is reported and not followed again, a file
 * reached twice (a link to a file already listed) is listed once, and a
 * subfolder that cannot be read is reported while the rest is still listed.
 */
final class FolderFiles {

	private FolderFiles() {}

	/**
	 * The regular files under {@code folder}, sorted by path; what could not be
	 * listed goes to {@code problems}.
	 *
	 * @throws DicomException if the folder itself cannot be listed
	 */
	static List<Path> list(final Path folder, final List<DicomFolder.Skipped> problems) throws DicomException {
		final List<Path> found = new ArrayList<>();
		try {
			Files.walkFileTree(folder, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE, new SimpleFileVisitor<Path>() {
				@Override
				public FileVisitResult visitFile(final Path file, final BasicFileAttributes attrs) {
					if (attrs.isRegularFile()) found.add(file);
					// with links followed, a link whose target is gone comes here as the link itself
					else if (attrs.isSymbolicLink()) problems.add(new DicomFolder.Skipped(file, "broken symbolic link"));
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFileFailed(final Path file, final IOException e) throws IOException {
					if (file.equals(folder)) throw e;
					final boolean loop = e instanceof FileSystemLoopException;
					final boolean broken = !loop && Files.isSymbolicLink(file) && !Files.exists(file);
					problems.add(new DicomFolder.Skipped(file, loop ? "symbolic link loop (a link to a folder that contains it), not followed again"
						: broken ? "broken symbolic link" : "cannot be read: " + UserMessages.oneLine(e), !loop && !broken));
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (final IOException e) {
			throw new DicomException(folder + ": cannot list the folder: " + UserMessages.oneLine(e), e);
		}
		Collections.sort(found);
		return distinct(found, problems);
	}

	/** The first path of each real file; later links to it are reported. */
	private static List<Path> distinct(final List<Path> files, final List<DicomFolder.Skipped> problems) {
		final Map<Path, Path> firstByReal = new HashMap<>();
		final List<Path> out = new ArrayList<>(files.size());
		for (final Path f : files) {
			Path real;
			try {
				real = f.toRealPath();
			}
			catch (final IOException e) {
				real = f.toAbsolutePath().normalize();
			}
			final Path first = firstByReal.putIfAbsent(real, f);
			if (first == null) out.add(f);
			else problems.add(new DicomFolder.Skipped(f, "the same file as " + first + " (reached through a symbolic link), read once"));
		}
		return out;
	}
}
