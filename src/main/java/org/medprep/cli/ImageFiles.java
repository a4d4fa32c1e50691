package org.medprep.cli;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medprep.commands.imagej.ComputedStack;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.core.History;
import org.medprep.core.Volume;
import org.medprep.io.ImageFileNames;
import org.medprep.io.ImageFormats;
import org.medprep.io.storage.AtomicFiles;

import net.imglib2.type.numeric.RealType;

/**
 * Reads and writes the image files of the CLI, by extension. Writes go to a
 * temporary file beside the target and are renamed into place, so a failed
 * or interrupted run never leaves a half-written output.
 */
final class ImageFiles {

	/** Extensions the CLI can read and write: the one list of image endings in io. */
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
		if (!isTiff(ext)) {
			final Volume<? extends RealType<?>> v = rescaledVolume(ImageFormats.read(path));
			final ImagePlus imp = ImagePlusVolumes.toImagePlus(v, path.getFileName().toString(), null);
			HistoryStore.put(imp, HistoryStore.of(v));
			return imp;
		}
		final ImagePlus imp = new Opener().openImage(path.toString());
		if (imp == null) throw new IOException(path + ": not a readable TIFF image");
		imp.setTitle(path.getFileName().toString());
		return imp;
	}

	/**
	 * A TIFF as ImageJ opens it, the planes of the uncompressed grayscale stacks ImageJ and tifffile write
	 * read in parallel ({@link TiffStackReading}); its display range is not set, so this is for volumes.
	 */
	private static ImagePlus readTiffStack(final Path path) throws IOException {
		if (!Files.isRegularFile(path)) throw new IOException(path + ": no such file");
		if (!Files.isReadable(path)) throw new IOException(path + ": not readable");
		final ImagePlus imp = TiffStackReading.open(path);
		if (imp == null) return read(path);
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

	/**
	 * Reads a volume with the history its file kept (in the metadata entry
	 * {@link HistoryStore} uses, whatever the format).
	 * @throws IOException naming the file when it cannot be read as an image
	 */
	static Volume<? extends RealType<?>> readVolume(final Path path) throws IOException {
		final String ext = extensionOf(path.getFileName().toString());
		if (ext != null && !isTiff(ext)) {
			if (!Files.isRegularFile(path)) throw new IOException(path + ": no such file");
			final Volume<? extends RealType<?>> v = rescaledVolume(ImageFormats.read(path));
			PhaseTimes.mark("read " + path.getFileName());
			return v;
		}
		final ImagePlus imp = ext == null ? read(path) : readTiffStack(path);
		PhaseTimes.mark("read " + path.getFileName());
		final Volume<? extends RealType<?>> v = HistoryStore.with(ImagePlusVolumes.toVolume(imp), HistoryStore.of(imp));
		PhaseTimes.mark("ImagePlus to volume");
		return v;
	}

	/** Writes a volume with a history atomically, in the format of the file name's extension (TIFF through ImageJ). */
	static void write(final Volume<? extends RealType<?>> volume, final History history, final Path path) throws IOException {
		PhaseTimes.mark("operation (up to the first write)");
		final String ext = extensionOf(path.getFileName().toString());
		if (ext != null && !isTiff(ext)) {
			ImageFormats.write(HistoryStore.with(volume, history), path);
			PhaseTimes.mark("written " + path.getFileName());
			return;
		}
		// the display range is set by the writer, from the values it writes
		// a result not computed yet is computed plane by plane as the TIFF writer encodes it
		final ImagePlus streamed = ImagePlusVolumes.toImagePlusToWrite(volume, path.getFileName().toString());
		final ImagePlus imp = TiffStackSaving.supports(streamed) || !(streamed.getStack() instanceof ComputedStack) ? streamed
			: ImagePlusVolumes.toImagePlusWithoutDisplayRange(volume, path.getFileName().toString(), null);
		HistoryStore.put(imp, history);
		PhaseTimes.mark("volume to ImagePlus");
		if (TiffStackSaving.supports(imp)) {
			Files.createDirectories(path.toAbsolutePath().getParent());
			AtomicFiles.writeFile(path, tmp -> TiffStackSaving.save(imp, tmp));
		}
		else {
			ImagePlusVolumes.setDisplayRange(imp, volume);
			write(imp, path);
		}
		PhaseTimes.mark("written " + path.getFileName());
	}

	/** A picture rather than a volume: RGB (a preview, a plot) or a single plane (mid-slices). */
	static boolean isPicture(final ImagePlus imp) {
		return imp.getType() == ImagePlus.COLOR_RGB || imp.getStackSize() == 1;
	}

	/** Writes a picture as PNG (grey values through the display range), atomically. */
	static void writePng(final ImagePlus imp, final Path path) throws IOException {
		Files.createDirectories(path.toAbsolutePath().getParent());
		AtomicFiles.writeFile(path, tmp -> savePng(imp, tmp));
	}

	/** Saves a picture as PNG at exactly this path (the caller makes it atomic). */
	static void savePng(final ImagePlus imp, final Path path) throws IOException {
		if (!new FileSaver(imp).saveAsPng(path.toString())) throw new IOException(path + ": writing the PNG failed");
	}

	/** Writes atomically, in the format of the file name's extension. */
	static void write(final ImagePlus imp, final Path path) throws IOException {
		final String ext = extensionOf(path.getFileName().toString());
		if (ext == null) throw new IOException(path + ": unsupported output type (supported: " + EXTENSIONS + ")");
		if (!isTiff(ext)) {
			// the NIfTI and MetaImage writers write atomically themselves
			ImageFormats.write(HistoryStore.with(ImagePlusVolumes.toVolume(imp), HistoryStore.of(imp)), path);
			return;
		}
		Files.createDirectories(path.toAbsolutePath().getParent());
		AtomicFiles.writeFile(path, tmp -> {
			final boolean ok = imp.getStackSize() > 1 ? new FileSaver(imp).saveAsTiffStack(tmp.toString()) : new FileSaver(imp).saveAsTiff(tmp.toString());
			if (!ok) throw new IOException(path + ": writing failed");
		});
	}
}
