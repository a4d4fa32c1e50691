package org.medprep.cli.batch;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The image file names a batch takes as cases, by extension: NIfTI (.nii,
 * .nii.gz, the .hdr of a pair), MetaImage (.mha, .mhd) and TIFF. The base
 * name (without the extension) names the case's outputs.
 */
public final class ImageFileNames {

	/** Extensions of case files, longest first so ".nii.gz" wins over ".gz". */
	public static final List<String> EXTENSIONS = Collections.unmodifiableList(Arrays.asList(".nii.gz", ".nii", ".hdr", ".mha", ".mhd", ".tif", ".tiff"));

	/** Data files that belong to a header file (.hdr/.img, .mhd/.raw): never cases, never DICOM. */
	static final List<String> PARTNER_EXTENSIONS = Collections.unmodifiableList(Arrays.asList(".img", ".img.gz", ".raw", ".zraw"));

	private ImageFileNames() {}

	/** The file's case extension (lower case, with the dot), or null. */
	public static String extensionOf(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		for (final String ext : EXTENSIONS)
			if (lower.endsWith(ext) && lower.length() > ext.length()) return ext;
		return null;
	}

	public static boolean isImageFile(final Path p) {
		return Files.isRegularFile(p) && p.getFileName() != null && extensionOf(p.getFileName().toString()) != null;
	}

	public static boolean isTiff(final String ext) {
		return ".tif".equals(ext) || ".tiff".equals(ext);
	}

	/** The name without its image extension. */
	public static String baseName(final Path p) {
		final String name = p.getFileName() == null ? p.toString() : p.getFileName().toString();
		return stripExtension(name);
	}

	public static String stripExtension(final String name) {
		final String ext = extensionOf(name);
		return ext == null ? name : name.substring(0, name.length() - ext.length());
	}

	static boolean isPartnerFile(final String name) {
		final String lower = name.toLowerCase(Locale.ROOT);
		for (final String ext : PARTNER_EXTENSIONS)
			if (lower.endsWith(ext)) return true;
		return false;
	}
}
