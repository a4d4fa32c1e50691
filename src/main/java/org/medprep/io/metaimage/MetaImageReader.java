package org.medprep.io.metaimage;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.io.storage.DataStreams;
import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.RawVolumes;

import net.imglib2.img.planar.PlanarImg;

/**
 * Reads MetaImage files: .mha (header and voxels in one file, ElementDataFile
 * = LOCAL) and .mhd with a separate raw file, raw or zlib-compressed
 * (CompressedData; gzip data is accepted too, as MetaIO's inflateInit2(47)
 * does), either byte order. 1D and 2D images become volumes one plane deep.
 * Values are stored as is (MetaImage has no rescale) in a planar image of the
 * file's type.
 */
public final class MetaImageReader {

	/** A header longer than this is not a header. */
	static final int MAX_HEADER_BYTES = 1 << 20;

	private MetaImageReader() {}

	/** Reads and checks the header only. */
	public static MetaImageHeader readHeader(final Path file) throws IOException {
		try (InputStream in = open(file)) {
			return parseHeader(file, in).header;
		}
	}

	/** Reads the image. */
	public static Volume<?> read(final Path file) throws IOException {
		return DataStreams.reading(file, () -> {
			try (InputStream in = open(file)) {
				final Parsed p = parseHeader(file, in);
				final MetaImageHeader h = p.header;
				final Geometry geometry = geometry(file, h);
				final long nx = h.dimSize[0];
				final long ny = h.nDims >= 2 ? h.dimSize[1] : 1;
				final long nz = h.nDims >= 3 ? h.dimSize[2] : 1;
				final long needed = RawVolumes.checkedProduct(file, "data size in bytes", nx, ny, nz, h.type.bytes());
				RawVolumes.planeVoxels(file, nx, ny);
				final PlanarImg<?, ?> data;
				if (h.isLocal()) data = readData(file, in, Files.size(file) - p.length, 0, needed, h, nx, ny, nz);
				else {
					final Path dataFile = file.resolveSibling(h.elementDataFile);
					if (!Files.isRegularFile(dataFile))
						throw new ImageFormatException(file, "ElementDataFile " + h.elementDataFile + " is missing (looked for " + dataFile + ")");
					data = DataStreams.reading(dataFile, () -> {
						try (InputStream din = new BufferedInputStream(Files.newInputStream(dataFile), 1 << 16)) {
							return readData(dataFile, din, Files.size(dataFile), h.headerSize, needed, h, nx, ny, nz);
						}
					});
				}
				final Map<String, String> meta = new LinkedHashMap<>();
				final String modality = h.fields().get("Modality");
				if (modality != null && modality.trim().startsWith("MET_MOD_")) meta.put(Volume.MODALITY, modality.trim().substring(8));
				final String history = h.fields().get(MetaImageHeader.HISTORY_FIELD);
				if (history != null && !history.trim().isEmpty()) meta.put(Volume.HISTORY, MetaImageHeader.unescape(history.trim()));
				@SuppressWarnings({ "rawtypes", "unchecked" })
				final Volume<?> v = Volume.of((PlanarImg) data, geometry, meta);
				return v;
			}
		});
	}

	private static InputStream open(final Path file) throws IOException {
		if (Files.isDirectory(file)) throw new ImageFormatException(file, "is a folder, not an image file");
		if (!Files.isRegularFile(file)) throw new ImageFormatException(file, "file not found");
		return new BufferedInputStream(Files.newInputStream(file), 1 << 16);
	}

	/**
	 * Reads the voxels from {@code in}, positioned {@code skip} bytes before
	 * them ({@code -1}: the voxels end the file), with {@code available}
	 * bytes left in the file.
	 */
	private static PlanarImg<?, ?> readData(final Path file, final InputStream in, final long available, final long skip, final long needed,
		final MetaImageHeader h, final long nx, final long ny, final long nz) throws IOException
	{
		if (!h.compressed) {
			final long offset = skip == -1 ? available - needed : skip;
			RawVolumes.requireAvailable(file, offset + needed, available, "DimSize x ElementType");
			if (offset < 0) throw new ImageFormatException(file, "truncated or wrong dimensions: DimSize x ElementType needs " + needed + " bytes but the file holds " + available);
			RawVolumes.skipFully(in, file, offset, "the voxel data");
			return RawVolumes.read(in, file, h.type, h.byteOrder, nx, ny, nz);
		}
		final long compressedBytes = h.compressedDataSize >= 0 ? h.compressedDataSize : available - Math.max(skip, 0);
		final long offset = skip == -1 ? available - compressedBytes : skip;
		if (offset < 0 || offset + compressedBytes > available)
			throw new ImageFormatException(file, "truncated: CompressedDataSize is " + compressedBytes + " but only "
				+ Math.max(0, available - Math.max(skip, 0)) + " bytes follow the header");
		final long max = RawVolumes.maxInflatedSize(compressedBytes);
		if (needed > max)
			throw new ImageFormatException(file, "truncated or wrong dimensions: DimSize x ElementType needs " + needed + " bytes, more than "
				+ compressedBytes + " bytes of compressed data can hold (" + max + ")");
		RawVolumes.skipFully(in, file, offset, "the compressed voxel data");
		final BufferedInputStream limited = new BufferedInputStream(DataStreams.limited(in, compressedBytes), 1 << 16);
		limited.mark(2);
		final int b0 = limited.read();
		final int b1 = limited.read();
		limited.reset();
		final InputStream inflated = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(limited, 1 << 16) : new InflaterInputStream(limited, new java.util.zip.Inflater(), 1 << 16);
		return RawVolumes.read(new BufferedInputStream(inflated, 1 << 16), file, h.type, h.byteOrder, nx, ny, nz);
	}

	/** The geometry a header describes (LPS), for a look at a file without its voxels. */
	public static Geometry geometry(final Path file, final MetaImageHeader h) throws ImageFormatException {
		final double[] spacing = { 1, 1, 1 };
		final double[] origin = new double[3];
		final double[][] dir = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
		for (int i = 0; i < h.nDims; i++) {
			spacing[i] = h.spacing[i];
			origin[i] = h.origin[i];
			for (int j = 0; j < h.nDims; j++) dir[i][j] = h.direction[i][j];
		}
		try {
			return Geometry.of(spacing, origin, dir);
		}
		catch (final IllegalArgumentException e) {
			throw new ImageFormatException(file, "TransformMatrix is not a rotation: " + e.getMessage(), e);
		}
	}

	/** The header fields and the number of header bytes (up to and including the ElementDataFile line). */
	static final class Parsed {
		MetaImageHeader header;
		long length;
	}

	static Parsed parseHeader(final Path file, final InputStream in) throws IOException {
		final Map<String, String> fields = new LinkedHashMap<>();
		final ByteArrayOutputStream line = new ByteArrayOutputStream();
		long length = 0;
		while (true) {
			final int c = in.read();
			if (c < 0) {
				if (fields.isEmpty()) throw new ImageFormatException(file, "not a MetaImage file: no 'Key = Value' header lines");
				throw new ImageFormatException(file, "truncated or not a MetaImage header: no ElementDataFile line (it must end the header)");
			}
			length++;
			if (length > MAX_HEADER_BYTES)
				throw new ImageFormatException(file, "not a MetaImage header: no ElementDataFile in the first " + MAX_HEADER_BYTES + " bytes");
			if (c == 0) throw new ImageFormatException(file, "not a MetaImage file: binary data before the ElementDataFile line");
			if (c != '\n') {
				line.write(c);
				continue;
			}
			final String text = line.toString(StandardCharsets.ISO_8859_1.name()).trim();
			line.reset();
			if (text.isEmpty()) continue;
			int sep = text.indexOf('=');
			if (sep < 0) sep = text.indexOf(':');
			if (sep <= 0) {
				if (fields.isEmpty()) throw new ImageFormatException(file, "not a MetaImage file: first line is not 'Key = Value'");
				throw new ImageFormatException(file, "header line '" + shorten(text) + "' is not 'Key = Value'");
			}
			final String key = text.substring(0, sep).trim();
			final String value = text.substring(sep + 1).trim();
			fields.put(key, value);
			if (key.equals("ElementDataFile")) break;
		}
		final Parsed p = new Parsed();
		p.header = MetaImageHeader.of(file, fields);
		p.length = length;
		return p;
	}

	private static String shorten(final String s) {
		return s.length() > 60 ? s.substring(0, 60) + "..." : s;
	}
}
