package org.medprep.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * A named part of every case, from the command line: {@code --image NAME=PATH}
 * (another scalar image: a second MR sequence, a PET), {@code --label NAME=PATH}
 * (a label map or mask) or {@code --ref NAME=PATH} (a reference that steps
 * name by title but that is neither transformed nor written: the preprocessed
 * image whose history {@code Invert Spatial History} undoes). PATH is one file
 * for every case, or a folder whose files pair with the cases by base name
 * ({@code labels/case001.nii.gz} for {@code cases/case001.nii.gz}).
 */
public final class MemberSource {

	/** What the member is to the case. */
	public enum Role { IMAGE, LABEL, REFERENCE }

	/** The name of the case's main image (the {@code -i} input), which a member may not take. */
	public static final String MAIN = "image";

	final String name;
	final Role role;
	final Path path;

	public MemberSource(final String name, final Role role, final Path path) {
		this.name = name;
		this.role = role;
		this.path = path;
	}

	/**
	 * @param option the option's name, for messages ({@code --label})
	 * @throws IllegalArgumentException unless the spec is NAME=PATH with a name of letters, digits, '_', '-' or '.'
	 */
	public static MemberSource parse(final String spec, final Role role, final String option) {
		final int eq = spec.indexOf('=');
		if (eq <= 0 || eq == spec.length() - 1) throw new IllegalArgumentException(option + " takes NAME=PATH, got '" + spec + "'");
		final String name = spec.substring(0, eq);
		// the name becomes a folder of the output: no separators, nothing hidden
		if (!name.matches("[A-Za-z0-9_][A-Za-z0-9_.-]*"))
			throw new IllegalArgumentException(option + " " + spec + ": the name may hold letters, digits, '_', '-' and '.' only");
		if (name.toLowerCase(Locale.ROOT).equals(MAIN))
			throw new IllegalArgumentException(option + " " + spec + ": '" + MAIN + "' is the name of the -i input; choose another name");
		return new MemberSource(name, role, Path.of(spec.substring(eq + 1)));
	}

	/** The file of this member for the case with base name {@code base}. @throws IOException if a folder has none */
	Path forCase(final String base) throws IOException {
		if (!Files.isDirectory(path)) {
			if (!Files.isRegularFile(path)) throw new IOException(path + ": no such file or folder (for " + describe() + ")");
			return path;
		}
		for (final String ext : ImageFiles.EXTENSIONS) {
			final Path p = path.resolve(base + ext);
			if (Files.isRegularFile(p)) return p;
		}
		throw new IOException("no image for case '" + base + "' in " + path + " (for " + describe() + ")");
	}

	String describe() {
		return (role == Role.IMAGE ? "--image " : role == Role.LABEL ? "--label " : "--ref ") + name;
	}

	@Override
	public String toString() {
		return describe() + "=" + path;
	}
}
