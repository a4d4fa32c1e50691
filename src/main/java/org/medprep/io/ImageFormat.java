package org.medprep.io;

import org.medprep.core.Labelled;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The volume file formats MedPrep reads and writes, recognised by file name. */
public enum ImageFormat implements Labelled {

	NII_GZ("nii.gz", ".nii.gz"),
	NII("nii", ".nii"),
	NIFTI_PAIR("hdr", ".hdr", ".img", ".hdr.gz", ".img.gz"),
	MHA("mha", ".mha"),
	MHD("mhd", ".mhd");

	private final String label;
	private final String[] suffixes;

	ImageFormat(final String label, final String... suffixes) {
		this.label = label;
		this.suffixes = suffixes;
	}

	/** Short name, as in {@code --format nii.gz}. */
	@Override
	public String label() { return label; }

	/** The usual file name ending, e.g. ".nii.gz". */
	public String extension() { return suffixes[0]; }

	public boolean isNifti() { return this == NII || this == NII_GZ || this == NIFTI_PAIR; }

	public static String[] labels() {
		final ImageFormat[] all = values();
		final String[] l = new String[all.length];
		for (int i = 0; i < all.length; i++) l[i] = all[i].label;
		return l;
	}

	public static ImageFormat fromLabel(final String label) {
		final String l = label.startsWith(".") ? label.substring(1) : label;
		for (final ImageFormat f : values())
			if (f.label.equalsIgnoreCase(l)) return f;
		throw new IllegalArgumentException("unknown image format '" + label + "', expected one of " + String.join(", ", labels()));
	}

	/** The format of a file name, if MedPrep knows it. */
	public static Optional<ImageFormat> of(final Path file) {
		final Path name = file.getFileName();
		if (name == null) return Optional.empty();
		final String lower = name.toString().toLowerCase(Locale.ROOT);
		for (final ImageFormat f : values())
			for (final String s : f.suffixes)
				if (lower.endsWith(s) && lower.length() > s.length()) return Optional.of(f);
		return Optional.empty();
	}

	/** Like {@link #of} but failing with a message listing the known endings. */
	public static ImageFormat require(final Path file) {
		return of(file).orElseThrow(() -> new IllegalArgumentException("unknown image file type: " + file
			+ " (MedPrep reads and writes .nii, .nii.gz, .hdr/.img, .mha and .mhd)"));
	}
}
