package org.medprep.io.metaimage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.medprep.io.storage.CountingOutputStream;
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
 * Writes MetaImage files as ITK does: .mha (voxels after the header,
 * ElementDataFile = LOCAL) or .mhd with a .raw (or, compressed, .zraw) file
 * beside it; little endian; LPS coordinates as they are (no flip); the
 * direction as TransformMatrix with one N-tuple per axis; optional zlib
 * compression with CompressedDataSize; MedPrep's history (the volume's
 * {@link Volume#HISTORY} metadata) as the one-line field
 * {@value MetaImageHeader#HISTORY_FIELD}, which ITK keeps as an extra field.
 * Files are written atomically. A
 * compressed .mha is compressed in memory first, because its header must give
 * the compressed size before the data.
 */
public final class MetaImageWriter {

	private MetaImageWriter() {}

	/** Writes uncompressed, in the volume's own type. */
	public static void write(final Volume<?> volume, final Path file) throws IOException {
		write(volume, file, StoredType.KEEP, false);
	}

	/**
	 * @param file a .mha or .mhd path (the data file of a .mhd is named after it)
	 * @throws IllegalArgumentException for another extension
	 */
	public static void write(final Volume<?> volume, final Path file, final StoredType storedType, final boolean compress) throws IOException {
		final String name = file.getFileName().toString();
		final String lower = name.toLowerCase();
		final boolean mha = lower.endsWith(".mha");
		if (!mha && !lower.endsWith(".mhd")) throw new IllegalArgumentException("not a MetaImage file name (.mha, .mhd): " + file);
		final VoxelType type = storedType.voxelType(volume.data().getType());
		@SuppressWarnings("unchecked")
		final RandomAccessibleInterval<? extends RealType<?>> data = (RandomAccessibleInterval<? extends RealType<?>>) (Object) volume.data();
		if (mha) {
			if (!compress) {
				AtomicFiles.write(file, out -> {
					out.write(header(volume, type, false, -1, "LOCAL"));
					RawVolumes.write(data, type, ByteOrder.LITTLE_ENDIAN, out);
				});
				return;
			}
			final ByteArrayOutputStream zipped = new ByteArrayOutputStream();
			writeCompressed(data, type, zipped);
			AtomicFiles.write(file, out -> {
				out.write(header(volume, type, true, zipped.size(), "LOCAL"));
				zipped.writeTo(out);
			});
			return;
		}
		final String dataName = name.substring(0, name.length() - 4) + (compress ? ".zraw" : ".raw");
		final long[] compressedSize = { -1 };
		final Map<Path, AtomicFiles.Content> files = new LinkedHashMap<>();
		files.put(file.resolveSibling(dataName), out -> {
			if (!compress) RawVolumes.write(data, type, ByteOrder.LITTLE_ENDIAN, out);
			else {
				final CountingOutputStream counted = new CountingOutputStream(out);
				writeCompressed(data, type, counted);
				compressedSize[0] = counted.count();
			}
		});
		// written after the data file, so the compressed size is known
		files.put(file, out -> out.write(header(volume, type, compress, compressedSize[0], dataName)));
		AtomicFiles.write(files);
	}

	private static void writeCompressed(final RandomAccessibleInterval<? extends RealType<?>> data, final VoxelType type, final OutputStream out)
		throws IOException
	{
		final OutputStream z = DataStreams.zlib(out);
		RawVolumes.write(data, type, ByteOrder.LITTLE_ENDIAN, z);
		z.close();
	}

	/** The header text ITK would write for this volume. */
	static byte[] header(final Volume<?> v, final VoxelType type, final boolean compressed, final long compressedSize, final String dataFile) {
		final Geometry g = v.geometry();
		final StringBuilder sb = new StringBuilder();
		line(sb, "ObjectType", "Image");
		line(sb, "NDims", "3");
		line(sb, "BinaryData", "True");
		line(sb, "BinaryDataByteOrderMSB", "False");
		line(sb, "CompressedData", compressed ? "True" : "False");
		if (compressed) line(sb, "CompressedDataSize", Long.toString(compressedSize));
		final StringBuilder m = new StringBuilder();
		for (int axis = 0; axis < 3; axis++)
			for (int r = 0; r < 3; r++) m.append(m.length() == 0 ? "" : " ").append(number(g.direction(r, axis)));
		line(sb, "TransformMatrix", m.toString());
		line(sb, "Offset", numbers(g.origin()));
		line(sb, "CenterOfRotation", "0 0 0");
		line(sb, "AnatomicalOrientation", anatomicalOrientation(g));
		line(sb, "ElementSpacing", numbers(g.spacing()));
		line(sb, "DimSize", v.dimension(0) + " " + v.dimension(1) + " " + v.dimension(2));
		final String modality = v.metadata().get(Volume.MODALITY);
		if (modality != null && modality.matches("[A-Z]+")) line(sb, "Modality", "MET_MOD_" + modality);
		final String history = v.metadata().get(Volume.HISTORY);
		if (history != null && !history.isEmpty()) line(sb, MetaImageHeader.HISTORY_FIELD, MetaImageHeader.escape(history));
		line(sb, "ElementType", MetaImageHeader.elementType(type));
		line(sb, "ElementDataFile", dataFile);
		return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
	}

	/** One letter per axis naming the side the axis runs from (ITK: identity direction in LPS is "RAI"). */
	static String anatomicalOrientation(final Geometry g) {
		final StringBuilder s = new StringBuilder();
		for (int axis = 0; axis < 3; axis++) {
			int best = 0;
			for (int r = 1; r < 3; r++)
				if (Math.abs(g.direction(r, axis)) > Math.abs(g.direction(best, axis))) best = r;
			final boolean positive = g.direction(best, axis) > 0;
			s.append(best == 0 ? (positive ? 'R' : 'L') : best == 1 ? (positive ? 'A' : 'P') : (positive ? 'I' : 'S'));
		}
		return s.toString();
	}

	private static void line(final StringBuilder sb, final String key, final String value) {
		sb.append(key).append(" = ").append(value).append('\n');
	}

	private static String numbers(final double[] v) {
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : " ").append(number(v[i]));
		return sb.toString();
	}

	/** Shortest exact decimal: whole numbers without ".0" (as ITK writes them). */
	static String number(final double d) {
		if (d == Math.rint(d) && Math.abs(d) < 1e15) return Long.toString((long) d);
		return Double.toString(d);
	}
}
