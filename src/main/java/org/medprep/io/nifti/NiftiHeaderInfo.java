package org.medprep.io.nifti;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.medprep.core.Geometry;
import org.medprep.io.storage.DataStreams;
import org.medprep.io.storage.VoxelType;

/**
 * What a NIfTI file says about its image without reading a voxel: the header,
 * the shape, the voxel type, the geometry (LPS) and MedPrep's history, for
 * {@code medprep info}. Only the header and the extensions after it are read.
 */
public final class NiftiHeaderInfo {

	private final NiftiHeader header;
	private final long[] size;
	private final long volumes;
	private final VoxelType voxelType;
	private final Geometry geometry;
	private final String history;
	private final List<String> warnings;

	private NiftiHeaderInfo(final NiftiHeader header, final long[] size, final long volumes, final VoxelType voxelType, final Geometry geometry,
		final String history, final List<String> warnings)
	{
		this.header = header;
		this.size = size;
		this.volumes = volumes;
		this.voxelType = voxelType;
		this.geometry = geometry;
		this.history = history;
		this.warnings = Collections.unmodifiableList(warnings);
	}

	public NiftiHeader header() { return header; }
	/** x, y, z voxels. */
	public long[] size() { return size.clone(); }
	/** Volumes in the file (dim[4]; 1 for 3D). */
	public long volumes() { return volumes; }
	public VoxelType voxelType() { return voxelType; }
	public Geometry geometry() { return geometry; }
	/** MedPrep's history (the macro lines that made the image), or null. */
	public String history() { return history; }
	/** What the reader noticed about the transforms (e.g. which of qform and sform it used). */
	public List<String> warnings() { return warnings; }

	/** @throws IOException naming the file when its header is unreadable or inconsistent */
	public static NiftiHeaderInfo read(final Path file) throws IOException {
		final Path headerFile = NiftiReader.headerFile(file);
		return DataStreams.reading(headerFile, () -> {
			try (InputStream in = DataStreams.open(headerFile).in) {
				final NiftiHeader h = NiftiReader.readHeader(headerFile, in);
				final NiftiReader.Layout layout = NiftiReader.layout(headerFile, h);
				final List<String> warnings = new ArrayList<>();
				final long[] size = { layout.nx, layout.ny, layout.nz };
				final Geometry geometry = NiftiTransforms.geometry(headerFile, NiftiTransforms.bestAffine(headerFile, h, size, warnings));
				final byte[] extensions;
				if (h.isSingleFile()) {
					final long offset = NiftiReader.dataOffset(headerFile, h);
					extensions = new byte[(int) Math.max(0, Math.min(offset - h.headerSize(), NiftiExtensions.MAX_READ))];
					DataStreams.readFully(in, headerFile, extensions, 0, extensions.length, "NIfTI extensions");
				}
				else extensions = in.readNBytes(NiftiExtensions.MAX_READ); // a pair's extensions end its .hdr file
				final String history = NiftiExtensions.history(extensions, h.byteOrder());
				return new NiftiHeaderInfo(h, size, layout.nt, layout.type, geometry, history, warnings);
			}
		});
	}
}
