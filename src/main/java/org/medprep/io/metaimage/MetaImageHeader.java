package org.medprep.io.metaimage;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import org.medprep.io.storage.ImageFormatException;
import org.medprep.io.storage.VoxelType;

/**
 * A MetaImage (.mha/.mhd) header, parsed and checked: {@code Key = Value}
 * lines (':' also accepted, keys case-sensitive as in MetaIO) up to and
 * including ElementDataFile, which MetaIO requires to be last.
 * <p>
 * Geometry keys as ITK reads them: Offset, Position and Origin are synonyms
 * (so are TransformMatrix, Rotation and Orientation); the direction values
 * come as N-tuples, one per image axis (the columns of ITK's direction
 * matrix); FileFormatVersion 1's ElementOrigin/ElementDirection win when
 * present. Coordinates are LPS, as ITK writes them.
 */
public final class MetaImageHeader {

	/** The header field holding MedPrep's history, on one line ({@link #escape}). */
	public static final String HISTORY_FIELD = "MedPrepHistory";

	private final Map<String, String> fields;
	final int nDims;
	final long[] dimSize;
	final VoxelType type;
	final double[] spacing;
	final double[] origin;
	/** [row][col], column = axis, nDims x nDims. */
	final double[][] direction;
	final boolean compressed;
	final long compressedDataSize;
	final ByteOrder byteOrder;
	final String elementDataFile;
	final long headerSize;

	private MetaImageHeader(final Path file, final Map<String, String> f) throws ImageFormatException {
		this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(f));
		final String objectType = f.get("ObjectType");
		if (objectType != null && !objectType.equalsIgnoreCase("Image"))
			throw new ImageFormatException(file, "ObjectType is '" + objectType + "': only Image is supported");
		final long nd = integer(file, f, "NDims", true, 0);
		if (nd < 1 || nd > 3) throw new ImageFormatException(file, "NDims is " + nd + ": MedPrep reads 1 to 3 dimensions");
		nDims = (int) nd;
		dimSize = new long[nDims];
		final double[] ds = numbers(file, f, "DimSize", nDims, null);
		if (ds == null) throw new ImageFormatException(file, "DimSize is missing");
		for (int i = 0; i < nDims; i++) {
			if (ds[i] < 1 || ds[i] != Math.rint(ds[i]) || ds[i] > Long.MAX_VALUE / 2)
				throw new ImageFormatException(file, "DimSize[" + i + "] is " + f.get("DimSize").trim().split("\\s+")[i] + ": sizes must be whole numbers of at least 1");
			dimSize[i] = (long) ds[i];
		}
		final long channels = integer(file, f, "ElementNumberOfChannels", false, 1);
		if (channels != 1) throw new ImageFormatException(file, "ElementNumberOfChannels is " + channels + ": only single-channel images are supported");
		final String et = f.get("ElementType");
		if (et == null) throw new ImageFormatException(file, "ElementType is missing");
		type = voxelType(file, et.trim());
		double[] sp = numbers(file, f, "ElementSpacing", nDims, null);
		if (sp == null) sp = numbers(file, f, "ElementSize", nDims, null);
		if (sp == null) sp = ones(nDims);
		for (int i = 0; i < nDims; i++)
			if (!(sp[i] > 0) || !Double.isFinite(sp[i]))
				throw new ImageFormatException(file, "ElementSpacing[" + i + "] is " + sp[i] + ": spacing must be positive and finite");
		spacing = sp;
		double[] o = numbers(file, f, "ElementOrigin", nDims, null);
		for (final String k : new String[] { "Offset", "Position", "Origin" })
			if (o == null) o = numbers(file, f, k, nDims, null);
		if (o == null) o = new double[nDims];
		for (int i = 0; i < nDims; i++)
			if (!Double.isFinite(o[i])) throw new ImageFormatException(file, "origin[" + i + "] is " + o[i] + ": must be finite");
		origin = o;
		double[] m = numbers(file, f, "ElementDirection", nDims * nDims, null);
		for (final String k : new String[] { "TransformMatrix", "Rotation", "Orientation" })
			if (m == null) m = numbers(file, f, k, nDims * nDims, null);
		direction = new double[nDims][nDims];
		for (int axis = 0; axis < nDims; axis++)
			for (int r = 0; r < nDims; r++)
				direction[r][axis] = m == null ? (r == axis ? 1 : 0) : m[axis * nDims + r];
		final String binary = f.get("BinaryData");
		if (binary != null && !isTrue(binary))
			throw new ImageFormatException(file, "BinaryData is False (voxels as text): not supported");
		compressed = f.containsKey("CompressedData") && isTrue(f.get("CompressedData"));
		compressedDataSize = integer(file, f, "CompressedDataSize", false, -1);
		final String msb = f.containsKey("BinaryDataByteOrderMSB") ? f.get("BinaryDataByteOrderMSB") : f.get("ElementByteOrderMSB");
		byteOrder = msb != null && isTrue(msb) ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		headerSize = integer(file, f, "HeaderSize", false, 0);
		if (headerSize < -1) throw new ImageFormatException(file, "HeaderSize is " + headerSize);
		elementDataFile = f.get("ElementDataFile").trim();
		if (elementDataFile.isEmpty()) throw new ImageFormatException(file, "ElementDataFile is empty");
		final String first = elementDataFile.split("\\s+")[0];
		if (first.equals("LIST") || elementDataFile.contains("%"))
			throw new ImageFormatException(file, "ElementDataFile '" + elementDataFile + "' (a list or pattern of slice files) is not supported");
	}

	/** Parses and checks header lines; {@code fields} in file order, ElementDataFile last. */
	static MetaImageHeader of(final Path file, final Map<String, String> fields) throws ImageFormatException {
		return new MetaImageHeader(file, fields);
	}

	public int nDims() { return nDims; }
	public long[] dimSize() { return dimSize.clone(); }
	public VoxelType voxelType() { return type; }
	public double[] spacing() { return spacing.clone(); }
	public double[] origin() { return origin.clone(); }
	public boolean isCompressed() { return compressed; }
	public ByteOrder byteOrder() { return byteOrder; }
	/** "LOCAL" (any case) or a file name relative to the header. */
	public String elementDataFile() { return elementDataFile; }
	public boolean isLocal() { return elementDataFile.equalsIgnoreCase("LOCAL"); }
	/** All header fields as read, in file order. */
	public Map<String, String> fields() { return fields; }

	/**
	 * Text on one ASCII header line: a backslash as two, a line break as
	 * backslash-n, other characters outside printable ASCII as backslash-u and
	 * four hex digits (Java's notation), so the header stays ASCII.
	 */
	static String escape(final String text) {
		final StringBuilder sb = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			final char c = text.charAt(i);
			if (c == '\\') sb.append("\\\\");
			else if (c == '\n') sb.append("\\n");
			else if (c == '\r') continue;
			else if (c < 32 || c > 126) sb.append(String.format("\\u%04x", (int) c));
			else sb.append(c);
		}
		return sb.toString();
	}

	/** Reverses {@link #escape}. */
	public static String unescape(final String line) {
		final StringBuilder sb = new StringBuilder(line.length());
		for (int i = 0; i < line.length(); i++) {
			final char c = line.charAt(i);
			if (c != '\\' || i + 1 >= line.length()) {
				sb.append(c);
				continue;
			}
			final char n = line.charAt(++i);
			if (n == 'n') sb.append('\n');
			else if (n == 'u' && i + 4 < line.length() && line.substring(i + 1, i + 5).matches("[0-9a-fA-F]{4}")) {
				sb.append((char) Integer.parseInt(line.substring(i + 1, i + 5), 16));
				i += 4;
			}
			else sb.append(n);
		}
		return sb.toString();
	}

	static boolean isTrue(final String v) {
		final String t = v.trim();
		if (t.isEmpty()) return false;
		final char c = t.charAt(0);
		return c == 'T' || c == 't' || c == '1';
	}

	static VoxelType voxelType(final Path file, final String name) throws ImageFormatException {
		switch (name) {
			case "MET_UCHAR": return VoxelType.UINT8;
			case "MET_CHAR": return VoxelType.INT8;
			case "MET_SHORT": return VoxelType.INT16;
			case "MET_USHORT": return VoxelType.UINT16;
			case "MET_INT": case "MET_LONG": return VoxelType.INT32;
			case "MET_UINT": case "MET_ULONG": return VoxelType.UINT32;
			case "MET_LONG_LONG": return VoxelType.INT64;
			case "MET_FLOAT": return VoxelType.FLOAT32;
			case "MET_DOUBLE": return VoxelType.FLOAT64;
			default:
				throw new ImageFormatException(file, "unsupported ElementType " + name + "; MedPrep reads MET_UCHAR, MET_CHAR, MET_SHORT, MET_USHORT,"
					+ " MET_INT, MET_UINT, MET_LONG, MET_ULONG, MET_LONG_LONG, MET_FLOAT and MET_DOUBLE");
		}
	}

	static String elementType(final VoxelType t) {
		switch (t) {
			case UINT8: return "MET_UCHAR";
			case INT8: return "MET_CHAR";
			case INT16: return "MET_SHORT";
			case UINT16: return "MET_USHORT";
			case INT32: return "MET_INT";
			case UINT32: return "MET_UINT";
			case INT64: return "MET_LONG_LONG";
			case FLOAT32: return "MET_FLOAT";
			default: return "MET_DOUBLE";
		}
	}

	private static long integer(final Path file, final Map<String, String> f, final String key, final boolean required, final long dflt)
		throws ImageFormatException
	{
		final String v = f.get(key);
		if (v == null) {
			if (required) throw new ImageFormatException(file, key + " is missing");
			return dflt;
		}
		try {
			return Long.parseLong(v.trim());
		}
		catch (final NumberFormatException e) {
			throw new ImageFormatException(file, key + " is '" + v.trim() + "': not a whole number");
		}
	}

	/** {@code n} numbers of a key, or {@code dflt} if the key is absent. */
	private static double[] numbers(final Path file, final Map<String, String> f, final String key, final int n, final double[] dflt)
		throws ImageFormatException
	{
		final String v = f.get(key);
		if (v == null) return dflt;
		final String[] parts = v.trim().split("\\s+");
		if (parts.length < n) throw new ImageFormatException(file, key + " has " + parts.length + " values, expected " + n + ": '" + v.trim() + "'");
		final double[] d = new double[n];
		for (int i = 0; i < n; i++) {
			try {
				d[i] = Double.parseDouble(parts[i]);
			}
			catch (final NumberFormatException e) {
				throw new ImageFormatException(file, key + " value '" + parts[i] + "' is not a number");
			}
		}
		return d;
	}

	private static double[] ones(final int n) {
		final double[] d = new double[n];
		java.util.Arrays.fill(d, 1);
		return d;
	}
}
