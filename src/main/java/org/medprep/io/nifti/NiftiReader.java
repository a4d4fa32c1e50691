package org.medprep.io.nifti;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.medprep.core.Geometry;
import org.medprep.io.storage.DataStreams;
import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.PlanePrefetch;
import org.medprep.io.storage.RawVolumes;
import org.medprep.io.storage.VoxelType;

import net.imglib2.img.planar.PlanarImg;

/**
 * Reads NIfTI-1 and NIfTI-2 images: .nii, .nii.gz and .hdr/.img pairs (each
 * part optionally gzipped), either byte order, 3D or 4D.
 * <p>
 * Values: stored voxels are kept in their own type; scl_slope/scl_inter give
 * physical values through a lazy view (a slope of 0 or NaN means no scaling,
 * as in nifti1.h and nibabel; a NaN or infinite intercept with a valid slope
 * is refused, as nibabel refuses it). Geometry: see {@link NiftiTransforms}.
 * Every problem is an {@link ImageFormatException} naming the file; sizes are
 * checked against the file before anything is allocated.
 */
public final class NiftiReader {

	/** Read every volume of a 4D file. */
	public static final int ALL_VOLUMES = -1;

	private NiftiReader() {}

	/** Reads all volumes (one for a 3D file). */
	public static NiftiImage read(final Path file) throws IOException {
		return read(file, ALL_VOLUMES);
	}

	/**
	 * Reads one volume of a 4D file (0-based), or all with {@link #ALL_VOLUMES}.
	 *
	 * @throws IllegalArgumentException if the index is outside the file's volumes
	 */
	public static NiftiImage read(final Path file, final int volumeIndex) throws IOException {
		final Path dataFile = dataFile(file);
		final Path headerFile = headerFile(file);
		return DataStreams.reading(headerFile, () -> {
			// every volume is read to the end: a one-member .nii.gz is then inflated whole (ISA-L), else streamed
			final boolean whole = volumeIndex == ALL_VOLUMES;
			final DataStreams.Opened opened = whole ? DataStreams.openWhole(headerFile, (head, length) -> planesAhead(headerFile, head, length))
				: DataStreams.open(headerFile);
			try (InputStream in = opened.in) {
				final NiftiHeader h = readHeader(headerFile, in);
				final Layout layout = layout(headerFile, h);
				if (volumeIndex != ALL_VOLUMES && (volumeIndex < 0 || volumeIndex >= layout.nt))
					throw new IllegalArgumentException("volume index " + volumeIndex + " is outside " + headerFile + ", which has "
						+ layout.nt + " volume" + (layout.nt == 1 ? "" : "s"));
				final List<String> warnings = new ArrayList<>();
				final double[][] affine = NiftiTransforms.bestAffine(headerFile, h, new long[] { layout.nx, layout.ny, layout.nz }, warnings);
				final Geometry geometry = NiftiTransforms.geometry(headerFile, affine);
				final double[] scaling = scaling(headerFile, h);
				final List<PlanarImg<?, ?>> volumes;
				if (h.singleFile) {
					final long offset = dataOffset(headerFile, h);
					opened.requireBytes(headerFile, offset + layout.totalBytes, "the header and voxel data");
					// between the header and the voxels: the extension flag and extensions (MedPrep's history is one)
					final int between = (int) Math.min(offset - h.headerSize(), NiftiExtensions.MAX_READ);
					final byte[] extensions = new byte[Math.max(0, between)];
					DataStreams.readFully(in, headerFile, extensions, 0, extensions.length, "NIfTI extensions");
					RawVolumes.skipFully(in, headerFile, offset - h.headerSize() - extensions.length, "the voxel data");
					h.history = NiftiExtensions.history(extensions, h.byteOrder);
					volumes = readVolumes(in, headerFile, h, layout, volumeIndex);
					if (volumeIndex == ALL_VOLUMES || volumeIndex == layout.nt - 1) opened.verifyRest(headerFile);
				}
				else {
					if (dataFile.equals(headerFile))
						throw new ImageFormatException(headerFile, "magic 'ni" + h.version + "' marks a .hdr/.img pair, but this is not a .hdr file");
					// a pair's extensions (MedPrep's history) follow the header in the .hdr file
					h.history = NiftiExtensions.history(in.readNBytes(NiftiExtensions.MAX_READ), h.byteOrder);
					volumes = DataStreams.reading(dataFile, () -> {
						final DataStreams.Opened data = whole ? DataStreams.openWhole(dataFile) : DataStreams.open(dataFile);
						try (InputStream din = data.in) {
							final long offset = dataOffset(dataFile, h);
							data.requireBytes(dataFile, offset + layout.totalBytes, "the voxel data");
							RawVolumes.skipFully(din, dataFile, offset, "the voxel data");
							final List<PlanarImg<?, ?>> v = readVolumes(din, dataFile, h, layout, volumeIndex);
							if (volumeIndex == ALL_VOLUMES || volumeIndex == layout.nt - 1) data.verifyRest(dataFile);
							return v;
						}
					});
				}
				final int first = volumeIndex == ALL_VOLUMES ? 0 : volumeIndex;
				return new NiftiImage(file, h, layout.type, affine, geometry, volumes, first, (int) layout.nt, scaling[0], scaling[1], warnings);
			}
		});
	}

	/**
	 * The planes a whole read of a single file will fill, from its first bytes ({@link PlanePrefetch}: they are
	 * allocated while the rest is inflated); none for a .hdr/.img pair or data past the content's length.
	 */
	private static List<PlanePrefetch.Planes> planesAhead(final Path file, final byte[] head, final long contentLength) throws IOException {
		final NiftiHeader h = readHeader(file, new ByteArrayInputStream(head));
		if (!h.singleFile) return Collections.emptyList();
		final Layout l = layout(file, h);
		if (dataOffset(file, h) + l.totalBytes > contentLength) return Collections.emptyList();
		return Collections.singletonList(new PlanePrefetch.Planes(l.type, RawVolumes.planeVoxels(file, l.nx, l.ny), l.nz * l.nt));
	}

	/** Reads and checks only the header (for {@code medprep info}). */
	public static NiftiHeader readHeader(final Path file) throws IOException {
		final Path headerFile = headerFile(file);
		return DataStreams.reading(headerFile, () -> {
			try (InputStream in = DataStreams.open(headerFile).in) {
				final NiftiHeader h = readHeader(headerFile, in);
				layout(headerFile, h);
				return h;
			}
		});
	}

	/** The header file of a .hdr/.img pair when given either part; the file itself otherwise. */
	static Path headerFile(final Path file) throws ImageFormatException {
		return partner(file, ".img", ".hdr");
	}

	static Path dataFile(final Path file) throws ImageFormatException {
		return partner(file, ".hdr", ".img");
	}

	private static Path partner(final Path file, final String from, final String to) throws ImageFormatException {
		final String name = file.getFileName().toString();
		final String lower = name.toLowerCase();
		for (final String gz : new String[] { "", ".gz" }) {
			if (!lower.endsWith(from + gz)) continue;
			final String base = name.substring(0, name.length() - from.length() - gz.length());
			final boolean upper = name.substring(base.length()).equals((from + gz).toUpperCase());
			final String[] candidates = { base + (upper ? to.toUpperCase() : to) + gz, base + to + gz, base + to.toUpperCase() + gz.toUpperCase(),
				base + to, base + to + ".gz" };
			for (final String c : candidates) {
				final Path p = file.resolveSibling(c);
				if (Files.isRegularFile(p)) return p;
			}
			throw new ImageFormatException(file, "the matching " + to + " file of this .hdr/.img pair (" + base + to + gz + ") is missing");
		}
		return file;
	}

	static NiftiHeader readHeader(final Path file, final InputStream in) throws IOException {
		final byte[] first4 = new byte[4];
		DataStreams.readFully(in, file, first4, 0, 4, "NIfTI header");
		final NiftiHeader h = NiftiHeader.detect(file, first4);
		final byte[] bytes = new byte[h.headerSize()];
		System.arraycopy(first4, 0, bytes, 0, 4);
		DataStreams.readFully(in, file, bytes, 4, bytes.length - 4, "NIfTI-" + h.version + " header");
		h.decode(file, bytes);
		return h;
	}

	/** Image shape and voxel type, checked. */
	static final class Layout {
		long nx, ny, nz, nt;
		VoxelType type;
		long volumeBytes, totalBytes;
	}

	static Layout layout(final Path file, final NiftiHeader h) throws ImageFormatException {
		final long nd = h.dim[0];
		if (nd < 1 || nd > 7) throw new ImageFormatException(file, "dim[0] is " + nd + ": the number of dimensions must be 1 to 7");
		for (int i = 1; i <= nd; i++)
			if (h.dim[i] < 1) throw new ImageFormatException(file, "dim[" + i + "] is " + h.dim[i] + ": sizes must be at least 1");
		for (int i = 5; i <= nd; i++)
			if (h.dim[i] != 1)
				throw new ImageFormatException(file, "dim[" + i + "] is " + h.dim[i] + ": data with more than 4 dimensions (vectors, tensors) is not supported");
		final Layout l = new Layout();
		l.nx = h.dim[1];
		l.ny = nd >= 2 ? h.dim[2] : 1;
		l.nz = nd >= 3 ? h.dim[3] : 1;
		l.nt = nd >= 4 ? h.dim[4] : 1;
		l.type = NiftiDataType.voxelType(file, h.datatype, h.bitpix);
		RawVolumes.planeVoxels(file, l.nx, l.ny);
		if (l.nz > Integer.MAX_VALUE - 8) throw new ImageFormatException(file, "dim[3] is " + l.nz + ": too many z planes");
		if (l.nt > Integer.MAX_VALUE - 8) throw new ImageFormatException(file, "dim[4] is " + l.nt + ": too many volumes");
		l.volumeBytes = RawVolumes.checkedProduct(file, "volume size in bytes", l.nx, l.ny, l.nz, l.type.bytes());
		l.totalBytes = RawVolumes.checkedProduct(file, "data size in bytes", l.volumeBytes, l.nt);
		return l;
	}

	/** Where the voxels start: in the .nii after the header (vox_offset, at least header + 4), or vox_offset in the .img. */
	static long dataOffset(final Path file, final NiftiHeader h) throws ImageFormatException {
		final double v = h.voxOffset;
		if (!Double.isFinite(v) || v < 0 || v != Math.rint(v))
			throw new ImageFormatException(file, "vox_offset is " + v + ": it must be a whole number of bytes, at least 0");
		final long offset = (long) v;
		if (h.singleFile) return Math.max(offset, h.headerSize() + 4L);
		return offset;
	}

	/** {slope, intercept}; {1, 0} when the file has no scaling. */
	static double[] scaling(final Path file, final NiftiHeader h) throws ImageFormatException {
		final double slope = h.sclSlope;
		if (slope == 0 || !Double.isFinite(slope)) return new double[] { 1, 0 };
		if (!Double.isFinite(h.sclInter))
			throw new ImageFormatException(file, "scl_slope is " + slope + " but scl_inter is " + h.sclInter + ": a valid slope needs a finite intercept");
		return new double[] { slope, h.sclInter };
	}

	private static List<PlanarImg<?, ?>> readVolumes(final InputStream in, final Path file, final NiftiHeader h, final Layout l,
		final int volumeIndex) throws IOException
	{
		final List<PlanarImg<?, ?>> volumes = new ArrayList<>();
		for (long t = 0; t < l.nt; t++) {
			if (volumeIndex == ALL_VOLUMES || t == volumeIndex)
				volumes.add(RawVolumes.read(in, file, l.type, h.byteOrder, l.nx, l.ny, l.nz));
			else if (t < volumeIndex) RawVolumes.skipFully(in, file, l.volumeBytes, "volume " + volumeIndex);
			else break;
		}
		return volumes;
	}
}
