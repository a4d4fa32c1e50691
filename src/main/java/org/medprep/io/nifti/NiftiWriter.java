package org.medprep.io.nifti;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.storage.DataStreams;
import org.medprep.io.storage.RawVolumes;
import org.medprep.io.storage.StoredType;
import org.medprep.io.storage.VoxelType;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Writes NIfTI files: .nii, .nii.gz (gzip) or a .hdr/.img pair, little
 * endian, 3D or 4D (a list of volumes sharing one geometry).
 * <p>
 * The header carries the geometry twice, as the sform and as the qform (same
 * transform), both with code 1 (SCANNER_ANAT): MedPrep's volumes come from
 * scanner coordinates, and this is what ITK/SimpleITK and dcm2niix write
 * (nibabel, given only an affine, writes sform code 2 and qform code 0). Units
 * mm and s (xyzt_units 10), scl_slope 1 and scl_inter 0 (values are written
 * as they are), vox_offset 352, or more when the volume has a history: it is
 * written as a comment extension (ecode 6) starting "MedPrep history". NIfTI-2 is used only when a
 * size does not fit NIfTI-1's 16-bit dims. Files are written atomically.
 */
public final class NiftiWriter {

	/** The transform code written for sform and qform: NIFTI_XFORM_SCANNER_ANAT. */
	public static final int XFORM_CODE = 1;
	/** mm (2) + s (8). */
	static final int UNITS_MM_S = 10;

	private NiftiWriter() {}

	/** Writes a volume in its own type (or float32 if NIfTI has no such type). */
	public static void write(final Volume<?> volume, final Path file) throws IOException {
		write(volume, file, StoredType.KEEP);
	}

	public static void write(final Volume<?> volume, final Path file, final StoredType storedType) throws IOException {
		write(Collections.singletonList(volume), file, storedType);
	}

	/**
	 * Writes volumes as one file: 3D for one volume, 4D for several (which must
	 * share size and geometry). The format follows the name: .nii, .nii.gz,
	 * .hdr or .img (a pair), .hdr.gz/.img.gz (a gzipped pair).
	 *
	 * @throws IllegalArgumentException for an empty list, volumes that differ, or a file name of another format
	 */
	public static void write(final List<? extends Volume<?>> volumes, final Path file, final StoredType storedType) throws IOException {
		if (volumes.isEmpty()) throw new IllegalArgumentException("no volumes to write to " + file);
		final Volume<?> first = volumes.get(0);
		for (final Volume<?> v : volumes) {
			if (!java.util.Arrays.equals(v.dimensions(), first.dimensions()))
				throw new IllegalArgumentException("volumes written to one 4D file must have one size: " + java.util.Arrays.toString(v.dimensions())
					+ " vs " + java.util.Arrays.toString(first.dimensions()));
			if (!v.geometry().sameSpace(first.geometry()))
				throw new IllegalArgumentException("volumes written to one 4D file must share one geometry");
		}
		final VoxelType type = storedType(first, storedType);
		final String lower = file.getFileName().toString().toLowerCase();
		final boolean pair = lower.endsWith(".hdr") || lower.endsWith(".img") || lower.endsWith(".hdr.gz") || lower.endsWith(".img.gz");
		final boolean gzip = lower.endsWith(".gz");
		if (!pair && !lower.endsWith(".nii") && !lower.endsWith(".nii.gz"))
			throw new IllegalArgumentException("not a NIfTI file name (.nii, .nii.gz, .hdr, .img): " + file);
		final NiftiHeader h = header(first, volumes.size(), type, !pair);
		// MedPrep's history rides in a comment extension: before the voxels of a .nii, at the end of a pair's .hdr
		final String history = first.metadata().get(Volume.HISTORY);
		final byte[] extension = history != null ? NiftiExtensions.historyExtension(history) : new byte[0];
		if (!pair) h.voxOffset += extension.length;
		final byte[] headerAndFlag = h.encode();
		if (extension.length > 0) headerAndFlag[h.headerSize()] = 1;
		final byte[] headerBytes = java.util.Arrays.copyOf(headerAndFlag, headerAndFlag.length + extension.length);
		System.arraycopy(extension, 0, headerBytes, headerAndFlag.length, extension.length);
		final AtomicFiles.Content data = out -> {
			for (final Volume<?> v : volumes)
				RawVolumes.write((RandomAccessibleInterval<? extends RealType<?>>) v.data(), type, ByteOrder.LITTLE_ENDIAN, out);
		};
		if (!pair) {
			AtomicFiles.write(file, gzipIf(gzip, out -> {
				out.write(headerBytes);
				data.writeTo(out);
			}));
			return;
		}
		final String name = file.getFileName().toString();
		final String base = name.substring(0, name.length() - (gzip ? 7 : 4));
		// the partner gets the same case as the given name (A.IMG pairs with A.HDR)
		final boolean upper = name.substring(base.length()).equals(name.substring(base.length()).toUpperCase());
		final String suffix = gzip ? (upper ? ".GZ" : ".gz") : "";
		final Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
		files.put(file.resolveSibling(base + (upper ? ".IMG" : ".img") + suffix), gzipIf(gzip, data));
		final int headerLength = extension.length > 0 ? headerBytes.length : h.headerSize();
		files.put(file.resolveSibling(base + (upper ? ".HDR" : ".hdr") + suffix), gzipIf(gzip, out -> out.write(headerBytes, 0, headerLength)));
		AtomicFiles.write(files);
	}

	/** The voxel type the volume is written as. */
	static VoxelType storedType(final Volume<?> v, final StoredType choice) {
		return choice.voxelType(v.data().getType());
	}

	/** The header MedPrep writes for volumes of this size, geometry and type. */
	static NiftiHeader header(final Volume<?> v, final int volumeCount, final VoxelType type, final boolean singleFile) {
		final long[] d = v.dimensions();
		final boolean big = d[0] > Short.MAX_VALUE || d[1] > Short.MAX_VALUE || d[2] > Short.MAX_VALUE || volumeCount > Short.MAX_VALUE;
		final NiftiHeader h = new NiftiHeader();
		h.version = big ? 2 : 1;
		h.byteOrder = ByteOrder.LITTLE_ENDIAN;
		h.singleFile = singleFile;
		h.dim[0] = volumeCount > 1 ? 4 : 3;
		h.dim[1] = d[0];
		h.dim[2] = d[1];
		h.dim[3] = d[2];
		h.dim[4] = volumeCount;
		for (int i = 5; i < 8; i++) h.dim[i] = 1;
		h.datatype = NiftiDataType.code(type);
		h.bitpix = 8 * type.bytes();
		for (int i = 4; i < 8; i++) h.pixdim[i] = 1;
		final Geometry g = v.geometry();
		NiftiTransforms.setTransforms(h, g, XFORM_CODE);
		h.voxOffset = singleFile ? h.headerSize() + 4 : 0;
		h.sclSlope = 1;
		h.sclInter = 0;
		h.xyztUnits = UNITS_MM_S;
		h.descrip = "MedPrep";
		return h;
	}

	private static AtomicFiles.Content gzipIf(final boolean gzip, final AtomicFiles.Content content) {
		if (!gzip) return content;
		return out -> {
			final java.io.OutputStream gz = DataStreams.gzip(out);
			content.writeTo(gz);
			gz.close();
		};
	}
}
