package org.medprep.cli;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medprep.cli.batch.ImageFileNames;
import org.medprep.commands.ImagePlusVolumes;
import org.medprep.core.Volume;
import org.medprep.io.ImageFormats;

import net.imglib2.type.numeric.RealType;

/**
 * Reads and writes the image files of the CLI, by extension. Writes go to a
 * temporary file beside the target and are renamed into place, so a failed
 * or interrupted run never leaves a half-written output.
 */
final class ImageFiles {

	/** Extensions the CLI can read and write, longest first so ".nii.gz" wins over ".gz". */
	static final List<String> EXTENSIONS = ImageFileNames.EXTENSIONS;

	/** Output formats of a run: single files, so a case's outputs can be staged and renamed into place together. */
	static final List<String> OUTPUT_FORMATS = Arrays.asList("nii.gz", "nii", "mha", "tif");

	private ImageFiles() {}

	static boolean isImageFile(final Path p) {
		return ImageFileNames.isImageFile(p);
	}

	/** The file's known extension (lower case, with the dot), or null. */
	static String extensionOf(final String name) {
		return ImageFileNames.extensionOf(name);
	}

	/** The name without its image extension: the case's base name. */
	static String baseName(final Path p) {
		return ImageFileNames.baseName(p);
	}

	/** @throws IOException naming the file when it cannot be read as an image */
	static ImagePlus read(final Path path) throws IOException {
		if (!Files.isRegularFile(path)) throw new IOException(path + ": no such file");
		if (!Files.isReadable(path)) throw new IOException(path + ": not readable");
		final String ext = extensionOf(path.getFileName().toString());
		if (ext == null) throw new IOException(path + ": unsupported file type (supported: " + EXTENSIONS + ")");
		if (!isTiff(ext)) return ImagePlusVolumes.toImagePlus(rescaledVolume(ImageFormats.read(path)), path.getFileName().toString(), null);
		final ImagePlus imp = new Opener().openImage(path.toString());
		if (imp == null) throw new IOException(path + ": not a readable TIFF image");
		imp.setTitle(path.getFileName().toString());
		return imp;
	}

	static boolean isTiff(final String ext) {
		return ImageFileNames.isTiff(ext);
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> rescaledVolume(final Volume<?> v) {
		return (Volume<? extends RealType<?>>) (Object) v;
	}

	/** Writes atomically, in the format of the file name's extension. */
	static void write(final ImagePlus imp, final Path path) throws IOException {
		final String ext = extensionOf(path.getFileName().toString());
		if (ext == null) throw new IOException(path + ": unsupported output type (supported: " + EXTENSIONS + ")");
		if (!isTiff(ext)) {
			// the NIfTI and MetaImage writers write atomically themselves
			ImageFormats.write(ImagePlusVolumes.toVolume(imp), path);
			return;
		}
		final Path dir = path.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		// a plain new file (not createTempFile, whose 0600 mode the output would keep)
		final Path tmp = dir.resolve("." + path.getFileName() + "." + Long.toHexString(System.nanoTime()) + ".part");
		try {
			final boolean ok = imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(tmp.toString()) : new FileSaver(imp).saveAsTiff(tmp.toString());
			if (!ok) throw new IOException(path + ": writing failed");
			Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}
}
