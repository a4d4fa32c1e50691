package org.medprep.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One data element as it was coded in the file: tag, VR (and whether the VR
 * was written explicitly), the declared length (possibly undefined), and the
 * value kept as the raw bytes of the file (not byte-swapped, not trimmed), so
 * that a writer can copy a retained element byte for byte.
 * <p>
 * The value is one of: raw bytes in memory; a location in the file, read on
 * demand (large values, see {@link DicomReadOptions#lazyThreshold}); the items
 * of a sequence (SQ, and UN of undefined length, which holds an implicit VR
 * little endian sequence, PS3.5 6.2.2); or the fragments of encapsulated pixel
 * data (the first one is the Basic Offset Table). A header-only parse leaves
 * the pixel data value unread.
 */
public final class DicomElement {

	/** The length field value FFFFFFFFH. */
	public static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

	private final int tag;
	private final Vr vr;
	private final String vrCode;
	private final boolean explicitVr;
	private final boolean bigEndian;
	private final long length;
	private final long valueOffset;
	private final byte[] value;
	private final Path file;
	private final List<DicomDataset> items;
	private final List<byte[]> fragments;
	/** For a value left in the deflated data set of a file: where the compressed stream starts in the file; else -1. */
	private final long deflatedStart;

	private DicomElement(final int tag, final Vr vr, final String vrCode, final boolean explicitVr, final boolean bigEndian,
		final long length, final long valueOffset, final byte[] value, final Path file, final List<DicomDataset> items,
		final List<byte[]> fragments)
	{
		this(tag, vr, vrCode, explicitVr, bigEndian, length, valueOffset, value, file, items, fragments, -1);
	}

	private DicomElement(final int tag, final Vr vr, final String vrCode, final boolean explicitVr, final boolean bigEndian,
		final long length, final long valueOffset, final byte[] value, final Path file, final List<DicomDataset> items,
		final List<byte[]> fragments, final long deflatedStart)
	{
		this.deflatedStart = deflatedStart;
		this.tag = tag;
		this.vr = vr;
		this.vrCode = vrCode;
		this.explicitVr = explicitVr;
		this.bigEndian = bigEndian;
		this.length = length;
		this.valueOffset = valueOffset;
		this.value = value;
		this.file = file;
		this.items = items;
		this.fragments = fragments;
	}

	/** An element whose value is in memory (raw bytes in the byte order of {@code bigEndian}). */
	public static DicomElement ofBytes(final int tag, final Vr vr, final String vrCode, final boolean explicitVr,
		final boolean bigEndian, final long valueOffset, final byte[] value)
	{
		return new DicomElement(tag, vr, vrCode, explicitVr, bigEndian, value.length, valueOffset, value, null, null, null);
	}

	/** A new element built by a writer (explicit VR, little endian, offset unknown). */
	public static DicomElement ofBytes(final int tag, final Vr vr, final byte[] value) {
		return ofBytes(tag, vr, vr.name(), true, false, -1, value);
	}

	/** An element whose value stays in the file at {@code valueOffset} (bytes from the start of the file). */
	static DicomElement inFile(final int tag, final Vr vr, final String vrCode, final boolean explicitVr, final boolean bigEndian,
		final long length, final long valueOffset, final Path file)
	{
		return new DicomElement(tag, vr, vrCode, explicitVr, bigEndian, length, valueOffset, null, file, null, null);
	}

	/**
	 * An element whose value stays in the deflated data set of a file: at
	 * {@code inflatedOffset} of the stream that starts compressed at byte
	 * {@code deflatedStart}; {@link #bytes()} inflates the file again up to it.
	 */
	static DicomElement inDeflatedStream(final int tag, final Vr vr, final String vrCode, final boolean explicitVr, final boolean bigEndian,
		final long length, final long inflatedOffset, final Path file, final long deflatedStart)
	{
		return new DicomElement(tag, vr, vrCode, explicitVr, bigEndian, length, inflatedOffset, null, file, null, null, deflatedStart);
	}

	/** An element whose value was not read (header-only parse of pixel data, or not addressable in a deflated stream). */
	static DicomElement unread(final int tag, final Vr vr, final String vrCode, final boolean explicitVr, final boolean bigEndian,
		final long length, final long valueOffset)
	{
		return new DicomElement(tag, vr, vrCode, explicitVr, bigEndian, length, valueOffset, null, null, null, null);
	}

	/**
	 * A sequence (or UN holding a sequence) with the length as coded: a byte
	 * count or {@link #UNDEFINED_LENGTH}.
	 */
	public static DicomElement ofItems(final int tag, final Vr vr, final String vrCode, final boolean explicitVr,
		final boolean bigEndian, final long length, final long valueOffset, final List<DicomDataset> items)
	{
		return new DicomElement(tag, vr, vrCode, explicitVr, bigEndian, length, valueOffset, null, null,
			Collections.unmodifiableList(new ArrayList<>(items)), null);
	}

	/** Encapsulated pixel data: item values in order, the Basic Offset Table first; length undefined. */
	public static DicomElement ofFragments(final int tag, final Vr vr, final String vrCode, final boolean explicitVr,
		final boolean bigEndian, final long valueOffset, final List<byte[]> fragments)
	{
		return new DicomElement(tag, vr, vrCode, explicitVr, bigEndian, UNDEFINED_LENGTH, valueOffset, null, null, null,
			Collections.unmodifiableList(new ArrayList<>(fragments)));
	}

	public int tag() { return tag; }
	/** The VR used to decode: the explicit one, or the dictionary's in implicit VR (UN if unknown). */
	public Vr vr() { return vr; }
	/** The two VR characters as written in the file (may be a VR newer than {@link Vr}), or the dictionary VR for implicit elements. */
	public String vrCode() { return vrCode; }
	/** Whether this element was coded with an explicit VR (implicit VR files, and explicit files that switch, code none). */
	public boolean isExplicitVr() { return explicitVr; }
	/** Byte order of the raw value bytes (UN and OB values are never swapped). */
	public boolean isBigEndian() { return bigEndian; }
	/** The length field as coded: the value length in bytes, or {@link #UNDEFINED_LENGTH}. */
	public long length() { return length; }
	public boolean hasUndefinedLength() { return length == UNDEFINED_LENGTH; }
	/** Offset of the value's first byte: in the file, or in the inflated stream for deflated files; -1 for new elements. */
	public long valueOffset() { return valueOffset; }

	public boolean isSequence() { return items != null; }
	public boolean isEncapsulated() { return fragments != null; }
	/** True if the value is in memory (not a sequence, not left in the file, not unread). */
	public boolean isLoaded() { return value != null; }
	/** True if the value was left in the file, at {@link #valueOffset()}, and is read on demand by {@link #bytes()}. */
	public boolean isInFile() { return file != null && deflatedStart < 0; }
	/**
	 * True if the value was left in the deflated data set of the file (so it is
	 * not addressable as file bytes); {@link #bytes()} inflates the file again to read it.
	 */
	public boolean isInDeflatedStream() { return file != null && deflatedStart >= 0; }
	/** The file holding the value when {@link #isInFile()} or {@link #isInDeflatedStream()}. */
	public Path file() { return file; }

	/** Items of a sequence (empty for other elements). */
	public List<DicomDataset> items() {
		return items == null ? Collections.emptyList() : items;
	}

	/** Fragments of encapsulated pixel data, Basic Offset Table first (empty for other elements). */
	public List<byte[]> fragments() {
		return fragments == null ? Collections.emptyList() : fragments;
	}

	/**
	 * The raw value bytes as coded in the file. Values left in the file are read
	 * now (not cached). Do not modify the returned array.
	 *
	 * @throws DicomException for sequences, encapsulated data, values a
	 *           header-only parse did not read, or if the file changed
	 */
	public byte[] bytes() throws DicomException {
		if (value != null) return value;
		if (file != null && deflatedStart >= 0) return DeflatedValues.read(file, deflatedStart, valueOffset, length, DicomDictionary.describe(tag));
		if (file != null) return readFromFile();
		if (items != null) throw new DicomException("element " + DicomDictionary.describe(tag) + " is a sequence, it has items, not bytes");
		if (fragments != null) throw new DicomException("element " + DicomDictionary.describe(tag) + " is encapsulated, it has fragments, not bytes");
		throw new DicomException("the value of " + DicomDictionary.describe(tag) + " was not read (header-only parse)");
	}

	private byte[] readFromFile() throws DicomException {
		if (length > Integer.MAX_VALUE - 8)
			throw new DicomException(file + ": value of " + DicomDictionary.describe(tag) + " is " + length + " bytes, too large for one array");
		final ByteBuffer buf = ByteBuffer.allocate((int) length);
		try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
			if (ch.size() < valueOffset + length)
				throw new DicomException(file + ": file is shorter (" + ch.size() + " bytes) than when it was parsed; value of "
					+ DicomDictionary.describe(tag) + " needs bytes up to " + (valueOffset + length));
			long pos = valueOffset;
			while (buf.hasRemaining()) {
				final int n = ch.read(buf, pos);
				if (n < 0) throw new DicomException(file + ": unexpected end of file reading " + DicomDictionary.describe(tag));
				pos += n;
			}
		}
		catch (final DicomException e) {
			throw e;
		}
		catch (final IOException e) {
			throw new DicomException(file + ": cannot read " + DicomDictionary.describe(tag) + ": " + e.getMessage(), e);
		}
		return buf.array();
	}

	// ---- decoding ----

	/**
	 * The values as strings: text VRs split at backslashes (LT, ST, UT, UR are
	 * single-valued), trailing spaces and NULs removed (leading spaces too, except
	 * for the free-text VRs); binary VRs as decimal numbers.
	 */
	public String[] strings(final Charset charset) throws DicomException {
		if (items != null || fragments != null) return new String[0];
		final byte[] b = bytes();
		if (vr.isText()) {
			final String s = new String(b, charset);
			final boolean freeText = vr == Vr.LT || vr == Vr.ST || vr == Vr.UT || vr == Vr.UR;
			if (s.isEmpty()) return new String[0];
			final String[] parts = freeText ? new String[] { s } : s.split("\\\\", -1);
			for (int i = 0; i < parts.length; i++) parts[i] = freeText ? trimEnd(parts[i]) : trimEnd(parts[i]).trim();
			if (parts.length == 1 && parts[0].isEmpty()) return new String[0];
			return parts;
		}
		final double[] d = doubles();
		final String[] out = new String[d.length];
		for (int i = 0; i < d.length; i++)
			out[i] = d[i] == Math.rint(d[i]) && Math.abs(d[i]) < 1e15 ? Long.toString((long) d[i]) : Double.toString(d[i]);
		return out;
	}

	/**
	 * The values as numbers: DS and IS parsed from their strings, binary VRs
	 * decoded in the element's byte order (US/UL/UV/OB/UN/OW unsigned).
	 *
	 * @throws DicomException naming the element if a DS/IS string is not a number
	 */
	public double[] doubles() throws DicomException {
		if (items != null || fragments != null) return new double[0];
		final byte[] b = bytes();
		if (vr.isText()) {
			final String s = new String(b, java.nio.charset.StandardCharsets.ISO_8859_1);
			final String[] parts = s.split("\\\\", -1);
			final double[] out = new double[parts.length];
			int n = 0;
			for (final String p : parts) {
				final String t = trimEnd(p).trim();
				if (t.isEmpty()) continue;
				try {
					out[n++] = Double.parseDouble(t);
				}
				catch (final NumberFormatException e) {
					throw new DicomException(DicomDictionary.describe(tag) + " (" + vr + ") value '" + t + "' is not a number");
				}
			}
			return java.util.Arrays.copyOf(out, n);
		}
		final ByteBuffer buf = ByteBuffer.wrap(b).order(bigEndian ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		final int w;
		switch (vr) {
			case US: case SS: case OW: case AT: w = 2; break;
			case UL: case SL: case FL: case OF: case OL: w = 4; break;
			case FD: case OD: case SV: case UV: case OV: w = 8; break;
			default: w = 1;
		}
		final int count = b.length / w;
		final double[] out = new double[count];
		for (int i = 0; i < count; i++) {
			final int p = i * w;
			switch (vr) {
				case US: case OW: case AT: out[i] = buf.getShort(p) & 0xFFFF; break;
				case SS: out[i] = buf.getShort(p); break;
				case UL: case OL: out[i] = buf.getInt(p) & 0xFFFFFFFFL; break;
				case SL: out[i] = buf.getInt(p); break;
				case FL: case OF: out[i] = buf.getFloat(p); break;
				case FD: case OD: out[i] = buf.getDouble(p); break;
				case SV: out[i] = buf.getLong(p); break;
				case UV: case OV: {
					final long v = buf.getLong(p);
					out[i] = v >= 0 ? v : (double) (v >>> 1) * 2.0 + (v & 1);
					break;
				}
				default: out[i] = b[p] & 0xFF;
			}
		}
		return out;
	}

	static String trimEnd(final String s) {
		int end = s.length();
		while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) end--;
		return s.substring(0, end);
	}

	@Override
	public String toString() {
		final String what;
		if (items != null) what = items.size() + " items";
		else if (fragments != null) what = fragments.size() + " fragments";
		else what = (length == UNDEFINED_LENGTH ? "undefined" : Long.toString(length)) + " bytes";
		return DicomDictionary.describe(tag) + " " + vrCode + " " + what;
	}
}
