package org.medprep.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one list of file endings that MedPrep takes for images when it reads a
 * folder (cohorts, batch cases, paired label maps): NIfTI and MetaImage, read
 * by {@link ImageFormats}, and TIFF, read through ImageJ by the hosts. Any
 * other file in a folder (a landmarks.txt, a README, a JSON) is not an image.
 */
public final class ImageFileNames {

	/** Longest first, so ".nii.gz" wins over ".gz". */
	public static final List<String> EXTENSIONS = Collections.unmodifiableList(Arrays.asList(".nii.gz", ".nii", ".hdr", ".mha", ".mhd", ".tif", ".tiff"));

	private ImageFileNames() {}

	/** The name's image ending (lower case, with the dot), or null. */
	public static String extensionOf(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		for (final String ext : EXTENSIONS)
			if (lower.endsWith(ext)) return ext;
		return null;
	}

	/** A regular, visible file with an image ending. */
	public static boolean isImageFile(final Path p) {
		final String name = p.getFileName().toString();
		return Files.isRegularFile(p) && !name.startsWith(".") && extensionOf(name) != null;
	}

	/** TIFF, which MedPrep reads and writes through ImageJ. */
	public static boolean isTiff(final String extension) {
		return ".tif".equals(extension) || ".tiff".equals(extension);
	}

	/** The name without its image ending: a case's base name ("case001.nii.gz" -> "case001"). */
	public static String baseName(final Path p) {
		final String name = p.getFileName().toString();
		final String ext = extensionOf(name);
		return ext == null ? name : name.substring(0, name.length() - ext.length());
	}
}
