package org.medprep.cli.batch;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.medprep.io.storage.AtomicFiles;

/**
 * Removes the staging files an interrupted run left behind: outputs are
 * written to hidden temporary files by the one write path
 * ({@link AtomicFiles}: {@code .NAME.HEX.part}, {@code .staged-HEX-NAME}) and
 * renamed into place, so a killed run leaves some; {@code .staged-NAME} is
 * what older versions left. Only those of the outputs this run will write are
 * removed, so a shard running beside this one keeps its own.
 */
public final class StaleStaging {

	/** What an older MedPrep named a case's outputs while they waited to be moved into place together. */
	private static final String STAGED_PREFIX = ".staged-";

	private StaleStaging() {}

	/** The output a staging file belongs to, or null if it is not one. */
	static String targetOf(final String fileName) {
		String name = fileName;
		boolean staging = false;
		for (String t; (t = AtomicFiles.targetOf(name)) != null; name = t) staging = true;
		if (name.startsWith(STAGED_PREFIX)) {
			name = name.substring(STAGED_PREFIX.length());
			staging = true;
		}
		return staging && !name.isEmpty() ? name : null;
	}

	/**
	 * @param outputs output paths relative to {@code outDir}
	 * @return the files removed
	 * @throws IOException if a folder cannot be listed or a file removed
	 */
	public static List<Path> clean(final Path outDir, final Collection<String> outputs) throws IOException {
		final Map<Path, Set<String>> byFolder = new HashMap<>();
		for (final String o : outputs) {
			final Path target = outDir.resolve(o);
			byFolder.computeIfAbsent(target.getParent(), k -> new HashSet<>()).add(target.getFileName().toString());
		}
		final List<Path> removed = new ArrayList<>();
		for (final Map.Entry<Path, Set<String>> e : byFolder.entrySet()) {
			if (!Files.isDirectory(e.getKey())) continue;
			try (DirectoryStream<Path> files = Files.newDirectoryStream(e.getKey(), ".*")) {
				for (final Path f : files) {
					final String target = targetOf(f.getFileName().toString());
					if (target != null && e.getValue().contains(target) && Files.isRegularFile(f)) {
						Files.delete(f);
						removed.add(f);
					}
				}
			}
		}
		return removed;
	}
}
