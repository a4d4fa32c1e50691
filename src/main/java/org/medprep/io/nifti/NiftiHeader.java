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
	/** quatern_b, quatern_c, quatern_d. */
	final double[] quatern = new double[3];
	/** qoffset_x, qoffset_y, qoffset_z. */
	final double[] qoffset = new double[3];
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
	public double[] quaternion() { return quatern.clone(); }
	public double[] qoffset() { return qoffset.clone(); }
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
		final NiftiLayout l = NiftiLayout.of(version);
		final String magic = ascii(b, l.magicAt, 4);
		if (magic.equals(l.magic(true))) singleFile = true;
		else if (magic.equals(l.magic(false))) singleFile = false;
		else throw new ImageFormatException(file, "not a NIfTI-" + version + " file: magic is '" + printable(b, l.magicAt, 4)
			+ "' (expected '" + l.magic(true) + "' or '" + l.magic(false) + "'" + (version == 1 ? "; ANALYZE 7.5 headers are not supported)" : ")"));
		if (l.signed)
			for (int i = 0; i < NiftiLayout.SIGNATURE.length; i++)
				if (b.get(l.magicAt + 4 + i) != NiftiLayout.SIGNATURE[i])
					throw new ImageFormatException(file, "NIfTI-2 magic is not followed by \\r\\n\\032\\n: the file was altered by a text-mode transfer");
		for (int i = 0; i < 8; i++) dim[i] = l.dim().getLong(b, i);
		intentCode = (int) l.intentCode().getLong(b, 0);
		datatype = (int) l.datatype().getLong(b, 0);
		bitpix = (int) l.bitpix().getLong(b, 0);
		for (int i = 0; i < 8; i++) pixdim[i] = l.pixdim().getDouble(b, i);
		voxOffset = l.voxOffset().getDouble(b, 0);
		sclSlope = l.sclSlope().getDouble(b, 0);
		sclInter = l.sclInter().getDouble(b, 0);
		xyztUnits = (int) l.xyztUnits().getLong(b, 0);
		calMax = l.calMax().getDouble(b, 0);
		calMin = l.calMin().getDouble(b, 0);
		descrip = ascii(b, l.descripAt, 80);
		qformCode = (int) l.qformCode().getLong(b, 0);
		sformCode = (int) l.sformCode().getLong(b, 0);
		for (int i = 0; i < 3; i++) quatern[i] = l.quatern().getDouble(b, i);
		for (int i = 0; i < 3; i++) qoffset[i] = l.qoffset().getDouble(b, i);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) srow[r][c] = l.srow().getDouble(b, 4 * r + c);
	}

	/** The header bytes followed by the 4-byte extension flag (all zero: no extensions). */
	byte[] encode() {
		final NiftiLayout l = NiftiLayout.of(version);
		final ByteBuffer b = ByteBuffer.allocate(l.size + 4).order(byteOrder);
		b.putInt(0, l.size);
		putAscii(b, l.magicAt, 4, l.magic(singleFile));
		if (l.signed)
			for (int i = 0; i < NiftiLayout.SIGNATURE.length; i++) b.put(l.magicAt + 4 + i, NiftiLayout.SIGNATURE[i]);
		for (int i = 0; i < 8; i++) l.dim().putLong(b, i, dim[i]);
		l.intentCode().putLong(b, 0, intentCode);
		l.datatype().putLong(b, 0, datatype);
		l.bitpix().putLong(b, 0, bitpix);
		for (int i = 0; i < 8; i++) l.pixdim().putDouble(b, i, pixdim[i]);
		l.voxOffset().putDouble(b, 0, voxOffset);
		l.sclSlope().putDouble(b, 0, sclSlope);
		l.sclInter().putDouble(b, 0, sclInter);
		l.xyztUnits().putLong(b, 0, xyztUnits);
		l.calMax().putDouble(b, 0, calMax);
		l.calMin().putDouble(b, 0, calMin);
		putAscii(b, l.descripAt, 80, descrip);
		l.qformCode().putLong(b, 0, qformCode);
		l.sformCode().putLong(b, 0, sformCode);
		for (int i = 0; i < 3; i++) l.quatern().putDouble(b, i, quatern[i]);
		for (int i = 0; i < 3; i++) l.qoffset().putDouble(b, i, qoffset[i]);
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++) l.srow().putDouble(b, 4 * r + c, srow[r][c]);
		return b.array();
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
