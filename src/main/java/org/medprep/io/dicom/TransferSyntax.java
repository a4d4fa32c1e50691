package org.medprep.io.dicom;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A transfer syntax: how the data set after the file meta information is
 * encoded (PS3.5 10, Annex A) and whether the pixel data is native or
 * encapsulated (compressed). Every syntax but implicit VR little endian and
 * explicit VR big endian encodes the data set as explicit VR little endian.
 */
public final class TransferSyntax {

	public static final String IMPLICIT_VR_LITTLE_ENDIAN_UID = "1.2.840.10008.1.2";
	public static final String EXPLICIT_VR_LITTLE_ENDIAN_UID = "1.2.840.10008.1.2.1";
	public static final String DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN_UID = "1.2.840.10008.1.2.1.99";
	public static final String EXPLICIT_VR_BIG_ENDIAN_UID = "1.2.840.10008.1.2.2";

	private static final Map<String, TransferSyntax> KNOWN = new LinkedHashMap<>();

	public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN = native_(IMPLICIT_VR_LITTLE_ENDIAN_UID, "Implicit VR Little Endian", false, false, false);
	public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN = native_(EXPLICIT_VR_LITTLE_ENDIAN_UID, "Explicit VR Little Endian", true, false, false);
	public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN = native_(DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN_UID, "Deflated Explicit VR Little Endian", true, false, true);
	public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN = native_(EXPLICIT_VR_BIG_ENDIAN_UID, "Explicit VR Big Endian (retired)", true, true, false);

	private static final String DCMTK_JPEG = "dcmdjpeg IN OUT (DCMTK) or gdcmconv --raw IN OUT (GDCM)";
	private static final String DCMTK_JPLS = "dcmdjpls IN OUT (DCMTK) or gdcmconv --raw IN OUT (GDCM)";
	private static final String DCMTK_RLE = "dcmdrle IN OUT (DCMTK) or gdcmconv --raw IN OUT (GDCM)";
	private static final String GDCM = "gdcmconv --raw IN OUT (GDCM)";

	static {
		encapsulated("1.2.840.10008.1.2.1.98", "Encapsulated Uncompressed Explicit VR Little Endian", GDCM);
		encapsulated("1.2.840.10008.1.2.4.50", "JPEG Baseline (Process 1)", DCMTK_JPEG);
		encapsulated("1.2.840.10008.1.2.4.51", "JPEG Extended (Process 2 & 4)", DCMTK_JPEG);
		for (int p = 52; p <= 56; p++) encapsulated("1.2.840.10008.1.2.4." + p, "JPEG (retired process, .4." + p + ")", DCMTK_JPEG);
		encapsulated("1.2.840.10008.1.2.4.57", "JPEG Lossless, Non-Hierarchical (Process 14)", DCMTK_JPEG);
		for (int p = 58; p <= 66; p++) encapsulated("1.2.840.10008.1.2.4." + p, "JPEG (retired process, .4." + p + ")", DCMTK_JPEG);
		encapsulated("1.2.840.10008.1.2.4.70", "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1])", DCMTK_JPEG);
		encapsulated("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless Image Compression", DCMTK_JPLS);
		encapsulated("1.2.840.10008.1.2.4.81", "JPEG-LS Lossy (Near-Lossless) Image Compression", DCMTK_JPLS);
		encapsulated("1.2.840.10008.1.2.4.90", "JPEG 2000 Image Compression (Lossless Only)", GDCM);
		encapsulated("1.2.840.10008.1.2.4.91", "JPEG 2000 Image Compression", GDCM);
		encapsulated("1.2.840.10008.1.2.4.92", "JPEG 2000 Part 2 Multi-component Image Compression (Lossless Only)", GDCM);
		encapsulated("1.2.840.10008.1.2.4.93", "JPEG 2000 Part 2 Multi-component Image Compression", GDCM);
		encapsulated("1.2.840.10008.1.2.4.94", "JPIP Referenced", GDCM);
		encapsulated("1.2.840.10008.1.2.4.95", "JPIP Referenced Deflate", GDCM);
		encapsulated("1.2.840.10008.1.2.4.100", "MPEG2 Main Profile / Main Level", GDCM);
		encapsulated("1.2.840.10008.1.2.4.101", "MPEG2 Main Profile / High Level", GDCM);
		encapsulated("1.2.840.10008.1.2.4.102", "MPEG-4 AVC/H.264 High Profile / Level 4.1", GDCM);
		encapsulated("1.2.840.10008.1.2.4.103", "MPEG-4 AVC/H.264 BD-compatible High Profile / Level 4.1", GDCM);
		encapsulated("1.2.840.10008.1.2.4.104", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 2D Video", GDCM);
		encapsulated("1.2.840.10008.1.2.4.105", "MPEG-4 AVC/H.264 High Profile / Level 4.2 For 3D Video", GDCM);
		encapsulated("1.2.840.10008.1.2.4.106", "MPEG-4 AVC/H.264 Stereo High Profile / Level 4.2", GDCM);
		encapsulated("1.2.840.10008.1.2.4.107", "HEVC/H.265 Main Profile / Level 5.1", GDCM);
		encapsulated("1.2.840.10008.1.2.4.108", "HEVC/H.265 Main 10 Profile / Level 5.1", GDCM);
		encapsulated("1.2.840.10008.1.2.4.110", "JPEG XL Lossless", GDCM);
		encapsulated("1.2.840.10008.1.2.4.111", "JPEG XL JPEG Recompression", GDCM);
		encapsulated("1.2.840.10008.1.2.4.112", "JPEG XL", GDCM);
		encapsulated("1.2.840.10008.1.2.4.201", "High-Throughput JPEG 2000 Image Compression (Lossless Only)", GDCM);
		encapsulated("1.2.840.10008.1.2.4.202", "High-Throughput JPEG 2000 with RPCL Options Image Compression (Lossless Only)", GDCM);
		encapsulated("1.2.840.10008.1.2.4.203", "High-Throughput JPEG 2000 Image Compression", GDCM);
		encapsulated("1.2.840.10008.1.2.5", "RLE Lossless", DCMTK_RLE);
		encapsulated("1.2.840.10008.1.2.8.1", "Deflated Image Frame Compression", GDCM);
	}

	private final String uid;
	private final String name;
	private final boolean explicitVr;
	private final boolean bigEndian;
	private final boolean deflated;
	private final boolean encapsulated;
	private final String decompressHint;

	private TransferSyntax(final String uid, final String name, final boolean explicitVr, final boolean bigEndian,
		final boolean deflated, final boolean encapsulated, final String decompressHint)
	{
		this.uid = uid;
		this.name = name;
		this.explicitVr = explicitVr;
		this.bigEndian = bigEndian;
		this.deflated = deflated;
		this.encapsulated = encapsulated;
		this.decompressHint = decompressHint;
	}

	private static TransferSyntax native_(final String uid, final String name, final boolean explicit, final boolean big, final boolean deflated) {
		final TransferSyntax ts = new TransferSyntax(uid, name, explicit, big, deflated, false, "");
		KNOWN.put(uid, ts);
		return ts;
	}

	private static void encapsulated(final String uid, final String name, final String hint) {
		KNOWN.put(uid, new TransferSyntax(uid, name, true, false, false, true, hint));
	}

	/**
	 * The syntax of a UID. An unknown UID is taken as explicit VR little endian
	 * with pixel data MedPrep cannot decode (as pydicom does).
	 */
	public static TransferSyntax ofUid(final String uid) {
		final TransferSyntax ts = KNOWN.get(uid);
		if (ts != null) return ts;
		return new TransferSyntax(uid, "unknown transfer syntax", true, false, false, true, GDCM);
	}

	public static boolean isKnown(final String uid) {
		return KNOWN.containsKey(uid);
	}

	public String uid() { return uid; }
	public String name() { return name; }
	public boolean isExplicitVr() { return explicitVr; }
	public boolean isBigEndian() { return bigEndian; }
	public boolean isDeflated() { return deflated; }
	/** Pixel data compressed (or otherwise encapsulated); MedPrep does not decode it. */
	public boolean isEncapsulated() { return encapsulated; }

	/** The encoding of the data set (deflated syntaxes: after inflating). */
	public Encoding encoding() {
		if (!explicitVr) return Encoding.IMPLICIT_LITTLE;
		return bigEndian ? Encoding.EXPLICIT_BIG : Encoding.EXPLICIT_LITTLE;
	}

	/** What to run to get native pixel data, with IN and OUT as file placeholders. */
	public String decompressHint() { return decompressHint; }

	@Override
	public String toString() {
		return uid + " (" + name + ")";
	}
}
