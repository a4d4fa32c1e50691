package org.medprep.io.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.medprep.io.storage.ImageFormatException;

/**
 * The fields of a NIfTI-1 (348 bytes) or NIfTI-2 (540 bytes) header that
 * MedPrep uses, decoded and encoded at the offsets of nifti1.h / nifti2.h.
 * Values are kept as read (no units applied, no checks beyond the magic);
 * {@link NiftiReader} interprets them.
 */
public final class NiftiHeader {

	public static final int NIFTI1_SIZE = 348;
	public static final int NIFTI2_SIZE = 540;

	int version;
	ByteOrder byteOrder = ByteOrder.LITTLE_ENDIAN;
	/** True for a single .nii file ("n+1"/"n+2"), false for a .hdr/.img pair ("ni1"/"ni2"). */
	boolean singleFile;
	final long[] dim = new long[8];
	int datatype;
	int bitpix;
	final double[] pixdim = new double[8];
	double voxOffset;
	/** MedPrep's history from a comment extension (ecode 6), or null. */
	String history;
	double sclSlope;
	double sclInter;
	int xyztUnits;
	double calMin;
	double calMax;
	String descrip = "";
	int qformCode;
	int sformCode;
	double quaternB, quaternC, quaternD;
	double qoffsetX, qoffsetY, qoffsetZ;
	final double[][] srow = new double[3][4];
	int intentCode;

	NiftiHeader() {}

	public int version() { return version; }
	public ByteOrder byteOrder() { return byteOrder; }
	public boolean isSingleFile() { return singleFile; }
	/** dim[0..7] as stored: dim[0] = number of dimensions. */
	public long[] dim() { return dim.clone(); }
	public int datatype() { return datatype; }
	public int bitpix() { return bitpix; }
	public double[] pixdim() { return pixdim.clone(); }
	public double voxOffset() { return voxOffset; }
	public double sclSlope() { return sclSlope; }
	public double sclInter() { return sclInter; }
	public int xyztUnits() { return xyztUnits; }
	public String description() { return descrip; }
	public int qformCode() { return qformCode; }
	public int sformCode() { return sformCode; }
	public double[] quaternion() { return new double[] { quaternB, quaternC, quaternD }; }
	public double[] qoffset() { return new double[] { qoffsetX, qoffsetY, qoffsetZ }; }
	/** srow_x, srow_y, srow_z. */
	public double[][] srow() { return new double[][] { srow[0].clone(), srow[1].clone(), srow[2].clone() }; }
	public int intentCode() { return intentCode; }
	public int headerSize() { return version == 2 ? NIFTI2_SIZE : NIFTI1_SIZE; }

	/** The header fields by name, for {@code medprep info}. */
	public Map<String, String> fields() {
		final Map<String, String> m = new LinkedHashMap<>();
		m.put("format", "NIfTI-" + version + (singleFile ? " (single file)" : " (.hdr/.img pair)"));
		m.put("byte_order", byteOrder.toString());
		m.put("dim", java.util.Arrays.toString(dim));
		m.put("datatype", datatype + " (" + NiftiDataType.name(datatype) + ")");
		m.put("bitpix", Integer.toString(bitpix));
		m.put("pixdim", java.util.Arrays.toString(pixdim));
		m.put("vox_offset", Double.toString(voxOffset));
		m.put("scl_slope", Double.toString(sclSlope));
		m.put("scl_inter", Double.toString(sclInter));
		m.put("xyzt_units", Integer.toString(xyztUnits));
		m.put("descrip", descrip);
		m.put("qform_code", Integer.toString(qformCode));
		m.put("sform_code", Integer.toString(sformCode));
		m.put("quatern_bcd", java.util.Arrays.toString(quaternion()));
		m.put("qoffset", java.util.Arrays.toString(qoffset()));
		for (int r = 0; r < 3; r++) m.put("srow_" + "xyz".charAt(r), java.util.Arrays.toString(srow[r]));
		return m;
	}

	/**
	 * The version and byte order from the first 4 bytes (sizeof_hdr), or an
	 * exception if they are neither 348 nor 540 in either byte order.
	 */
	static NiftiHeader detect(final Path file, final byte[] first4) throws ImageFormatException {
		final NiftiHeader h = new NiftiHeader();
		final int le = ByteBuffer.wrap(first4).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
		final int be = ByteBuffer.wrap(first4).order(ByteOrder.BIG_ENDIAN).getInt(0);
		if (le == NIFTI1_SIZE || be == NIFTI1_SIZE) h.version = 1;
		else if (le == NIFTI2_SIZE || be == NIFTI2_SIZE) h.version = 2;
		else throw new ImageFormatException(file, "not a NIfTI file: sizeof_hdr is " + le + " (expected 348 for NIfTI-1 or 540 for NIfTI-2)");
		h.byteOrder = (le == NIFTI1_SIZE || le == NIFTI2_SIZE) ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
		return h;
	}

	/** Decodes the rest of the header; {@code bytes} holds the whole header. */
	void decode(final Path file, final byte[] bytes) throws ImageFormatException {
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(byteOrder);
		if (version == 1) decode1(file, b);
		else decode2(file, b);
	}

	private void decode1(final Path file, final ByteBuffer b) throws ImageFormatException {
		final String magic = ascii(b, 344, 4);
		if (magic.equals("n+1")) singleFile = true;
		else if (magic.equals("ni1")) singleFile = false;
		else throw new ImageFormatException(file, "not a NIfTI-1 file: magic is '" + printable(b, 344, 4)
			+ "' (expected 'n+1' or 'ni1'; ANALYZE 7.5 headers are not supported)");
		for (int i = 0; i < 8; i++) dim[i] = b.getShort(40 + 2 * i);
		intentCode = b.getShort(68);
		datatype = b.getShort(70);
		bitpix = b.getShort(72);
		for (int i = 0; i < 8; i++) pixdim[i] = b.getFloat(76 + 4 * i);
		voxOffset = b.getFloat(108);
		sclSlope = b.getFloat(112);
		sclInter = b.getFloat(116);
		xyztUnits = b.get(123) & 0xff;
		calMax = b.getFloat(124);
		calMin = b.getFloat(128);
		descrip = ascii(b, 148, 80);
		qformCode = b.getShort(252);
		sformCode = b.getShort(254);
		quaternB = b.getFloat(256);
		quaternC = b.getFloat(260);
		quaternD = b.getFloat(264);
		qoffsetX = b.getFloat(268);
		qoffsetY = b.getFloat(272);
		qoffsetZ = b.getFloat(276);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) srow[r][c] = b.getFloat(280 + 16 * r + 4 * c);
	}

	private void decode2(final Path file, final ByteBuffer b) throws ImageFormatException {
		final String magic = ascii(b, 4, 4);
		if (magic.equals("n+2")) singleFile = true;
		else if (magic.equals("ni2")) singleFile = false;
		else throw new ImageFormatException(file, "not a NIfTI-2 file: magic is '" + printable(b, 4, 4) + "' (expected 'n+2' or 'ni2')");
		if (b.get(8) != 0x0D || b.get(9) != 0x0A || b.get(10) != 0x1A || b.get(11) != 0x0A)
			throw new ImageFormatException(file, "NIfTI-2 magic is not followed by \\r\\n\\032\\n: the file was altered by a text-mode transfer");
		datatype = b.getShort(12);
		bitpix = b.getShort(14);
		for (int i = 0; i < 8; i++) dim[i] = b.getLong(16 + 8 * i);
		for (int i = 0; i < 8; i++) pixdim[i] = b.getDouble(104 + 8 * i);
		voxOffset = b.getLong(168);
		sclSlope = b.getDouble(176);
		sclInter = b.getDouble(184);
		calMax = b.getDouble(192);
		calMin = b.getDouble(200);
		descrip = ascii(b, 240, 80);
		qformCode = b.getInt(344);
		sformCode = b.getInt(348);
		quaternB = b.getDouble(352);
		quaternC = b.getDouble(360);
		quaternD = b.getDouble(368);
		qoffsetX = b.getDouble(376);
		qoffsetY = b.getDouble(384);
		qoffsetZ = b.getDouble(392);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) srow[r][c] = b.getDouble(400 + 32 * r + 8 * c);
		xyztUnits = b.getInt(500);
		intentCode = b.getInt(504);
	}

	/** The header bytes followed by the 4-byte extension flag (all zero: no extensions). */
	byte[] encode() {
		final int size = headerSize();
		final ByteBuffer b = ByteBuffer.allocate(size + 4).order(byteOrder);
		if (version == 1) encode1(b);
		else encode2(b);
		return b.array();
	}

	private void encode1(final ByteBuffer b) {
		b.putInt(0, NIFTI1_SIZE);
		for (int i = 0; i < 8; i++) b.putShort(40 + 2 * i, (short) dim[i]);
		b.putShort(68, (short) intentCode);
		b.putShort(70, (short) datatype);
		b.putShort(72, (short) bitpix);
		for (int i = 0; i < 8; i++) b.putFloat(76 + 4 * i, (float) pixdim[i]);
		b.putFloat(108, (float) voxOffset);
		b.putFloat(112, (float) sclSlope);
		b.putFloat(116, (float) sclInter);
		b.put(123, (byte) xyztUnits);
		b.putFloat(124, (float) calMax);
		b.putFloat(128, (float) calMin);
		putAscii(b, 148, 80, descrip);
		b.putShort(252, (short) qformCode);
		b.putShort(254, (short) sformCode);
		b.putFloat(256, (float) quaternB);
		b.putFloat(260, (float) quaternC);
		b.putFloat(264, (float) quaternD);
		b.putFloat(268, (float) qoffsetX);
		b.putFloat(272, (float) qoffsetY);
		b.putFloat(276, (float) qoffsetZ);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) b.putFloat(280 + 16 * r + 4 * c, (float) srow[r][c]);
		putAscii(b, 344, 4, singleFile ? "n+1" : "ni1");
	}

	private void encode2(final ByteBuffer b) {
		b.putInt(0, NIFTI2_SIZE);
		putAscii(b, 4, 4, singleFile ? "n+2" : "ni2");
		b.put(8, (byte) 0x0D).put(9, (byte) 0x0A).put(10, (byte) 0x1A).put(11, (byte) 0x0A);
		b.putShort(12, (short) datatype);
		b.putShort(14, (short) bitpix);
		for (int i = 0; i < 8; i++) b.putLong(16 + 8 * i, dim[i]);
		for (int i = 0; i < 8; i++) b.putDouble(104 + 8 * i, pixdim[i]);
		b.putLong(168, (long) voxOffset);
		b.putDouble(176, sclSlope);
		b.putDouble(184, sclInter);
		b.putDouble(192, calMax);
		b.putDouble(200, calMin);
		putAscii(b, 240, 80, descrip);
		b.putInt(344, qformCode);
		b.putInt(348, sformCode);
		b.putDouble(352, quaternB);
		b.putDouble(360, quaternC);
		b.putDouble(368, quaternD);
		b.putDouble(376, qoffsetX);
		b.putDouble(384, qoffsetY);
		b.putDouble(392, qoffsetZ);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) b.putDouble(400 + 32 * r + 8 * c, srow[r][c]);
		b.putInt(500, xyztUnits);
		b.putInt(504, intentCode);
	}

	private static String ascii(final ByteBuffer b, final int offset, final int length) {
		int n = 0;
		while (n < length && b.get(offset + n) != 0) n++;
		final byte[] s = new byte[n];
		for (int i = 0; i < n; i++) s[i] = b.get(offset + i);
		return new String(s, StandardCharsets.ISO_8859_1);
	}

	private static String printable(final ByteBuffer b, final int offset, final int length) {
		final StringBuilder sb = new StringBuilder();
		int end = length;
		while (end > 0 && b.get(offset + end - 1) == 0) end--;
		for (int i = 0; i < end; i++) {
			final int c = b.get(offset + i) & 0xff;
			if (c >= 32 && c < 127) sb.append((char) c);
			else sb.append(String.format("\\x%02x", c));
		}
		return sb.toString();
	}

	private static void putAscii(final ByteBuffer b, final int offset, final int length, final String s) {
		final byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
		for (int i = 0; i < Math.min(bytes.length, length - 1); i++) b.put(offset + i, bytes[i]);
	}
}
