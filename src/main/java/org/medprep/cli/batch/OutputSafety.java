package org.medprep.cli.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

/**
 * Refuses an output that would overwrite or mix with the inputs: an output
 * equal to an input, inside an input folder, or an output folder holding an
 * input. Paths are compared after resolving links, so a link to the input
 * folder is the input folder.
 */
public final class OutputSafety {

	private OutputSafety() {}

	/**
	 * @param output the output folder (or file, for a one-file conversion); it may not exist yet
	 * @throws IllegalArgumentException naming the output and the input it clashes with
	 */
	public static void check(final Collection<Path> inputs, final Path output) {
		final Path out = resolved(output);
		for (final Path input : inputs) {
			if (!Files.exists(input)) continue;
			final Path in = resolved(input);
			if (out.equals(in))
				throw new IllegalArgumentException("the output " + output + " is the input " + input + ": it would be overwritten; choose another output");
			if (Files.isDirectory(in) && out.startsWith(in))
				throw new IllegalArgumentException("the output " + output + " lies inside the input " + input
					+ ": outputs would mix with the inputs (and be taken as inputs next time); choose an output outside it");
			if (in.startsWith(out))
				throw new IllegalArgumentException("the input " + input + " lies inside the output " + output
					+ ": outputs could overwrite it; choose an output outside the inputs");
		}
	}

	/** The path with links resolved, for the part that exists; the rest appended. */
	static Path resolved(final Path p) {
		Path existing = p.toAbsolutePath().normalize();
		Path rest = null;
		while (existing != null && !Files.exists(existing)) {
			final Path name = existing.getFileName();
			rest = rest == null ? name : name.resolve(rest);
			existing = existing.getParent();
		}
		if (existing == null) return p.toAbsolutePath().normalize();
		try {
			final Path real = existing.toRealPath();
			return rest == null ? real : real.resolve(rest);
		}
		catch (final IOException e) {
			return p.toAbsolutePath().normalize();
		}
	}
}
