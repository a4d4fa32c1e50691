package org.medprep.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.core.Volume;
import org.medprep.io.metaimage.MetaImageReader;
import org.medprep.io.metaimage.MetaImageWriter;
import org.medprep.io.nifti.NiftiImage;
import org.medprep.io.nifti.NiftiReader;
import org.medprep.io.nifti.NiftiWriter;
import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.StoredType;

/**
 * Reading and writing volumes by file name: .nii, .nii.gz, .hdr/.img (NIfTI-1
 * or -2) and .mha, .mhd (MetaImage). The values read are physical (NIfTI
 * scaling applied as a lazy view), the geometry LPS.
 */
public final class ImageFormats {

	private ImageFormats() {}

	/** True if the file name has an ending MedPrep reads. */
	public static boolean canRead(final Path file) {
		return ImageFormat.of(file).isPresent();
	}

	/**
	 * Reads a 3D volume (a 4D file with a single volume is fine).
	 *
	 * @throws ImageFormatException if the file is unreadable or holds several volumes
	 * @throws IllegalArgumentException if the file name has no known ending
	 */
	public static Volume<?> read(final Path file) throws IOException {
		final ImageFormat format = ImageFormat.require(file);
		if (!format.isNifti()) return MetaImageReader.read(file);
		final NiftiImage img = NiftiReader.read(file, 0);
		if (img.volumeCountInFile() > 1)
			throw new ImageFormatException(file, "holds " + img.volumeCountInFile() + " volumes (4D); read one by its index, or all of them");
		return img.volume(0);
	}

	/** Reads volume {@code index} (0-based) of a 4D file; index 0 of a 3D file is the volume. */
	public static Volume<?> read(final Path file, final int index) throws IOException {
		final ImageFormat format = ImageFormat.require(file);
		if (format.isNifti()) return NiftiReader.read(file, index).volume(0);
		if (index != 0) throw new IllegalArgumentException("volume index " + index + " is outside " + file + ", which has 1 volume");
		return MetaImageReader.read(file);
	}

	/** All volumes of a file: one for 3D, dim[4] for a 4D NIfTI. */
	public static List<Volume<?>> readAll(final Path file) throws IOException {
		final ImageFormat format = ImageFormat.require(file);
		if (format.isNifti()) return NiftiReader.read(file).volumes();
		return Collections.singletonList(MetaImageReader.read(file));
	}

	/** The header fields of a file, by name (for {@code medprep info}). */
	public static Map<String, String> describe(final Path file) throws IOException {
		final ImageFormat format = ImageFormat.require(file);
		if (format.isNifti()) return NiftiReader.readHeader(file).fields();
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("format", "MetaImage");
		m.putAll(MetaImageReader.readHeader(file).fields());
		return m;
	}

	/** Writes in the volume's own type (float32 where the format lacks it); MetaImage uncompressed, as ITK does by default. */
	public static void write(final Volume<?> volume, final Path file) throws IOException {
		write(volume, file, StoredType.KEEP, false);
	}

	/**
	 * @param compressMetaImage zlib-compress .mha/.mhd data (NIfTI compression follows the name: .gz)
	 * @throws IllegalArgumentException if the file name has no known ending
	 */
	public static void write(final Volume<?> volume, final Path file, final StoredType storedType, final boolean compressMetaImage) throws IOException {
		final ImageFormat format = ImageFormat.require(file);
		if (format.isNifti()) NiftiWriter.write(volume, file, storedType);
		else MetaImageWriter.write(volume, file, storedType, compressMetaImage);
	}

	/** Writes several volumes as one 4D NIfTI file. */
	public static void writeAll(final List<? extends Volume<?>> volumes, final Path file, final StoredType storedType) throws IOException {
		final ImageFormat format = ImageFormat.require(file);
		if (!format.isNifti()) {
			if (volumes.size() == 1) {
				write(volumes.get(0), file, storedType, false);
				return;
			}
			throw new IllegalArgumentException("MetaImage files hold one volume; write " + volumes.size() + " volumes to a .nii or .nii.gz file");
		}
		NiftiWriter.write(volumes, file, storedType);
	}
}
