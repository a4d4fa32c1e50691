package org.medprep.io.dicom.codec;

/**
 * The marker segments of a JPEG or JPEG-LS codestream, one after the other from
 * the one after SOI: each segment's marker, length and the bounds of its
 * contents, checked to lie within the data. Fill bytes (FF before a marker) are
 * skipped. The decoders read what they need and stop at their scan.
 */
final class JpegSegments {

	private final byte[] d;
	/** "JPEG" or "JPEG-LS", to start each message. */
	private final String format;
	private int marker;
	private int length;
	private int start;
	private int end = 2;

	JpegSegments(final byte[] d, final String format) {
		this.d = d;
		this.format = format;
	}

	/** Moves to the segment after the current one (the first: the one after SOI). */
	void next() throws CodecException {
		int p = end;
		while (true) {
			if (p + 4 > d.length) throw new CodecException(format + " codestream ends before its scan");
			if ((d[p] & 0xFF) != 0xFF) throw new CodecException(format + " marker expected at byte " + p);
			marker = d[p + 1] & 0xFF;
			if (marker != 0xFF) break;
			p++;
		}
		length = u16(d, p + 2);
		end = p + 2 + length;
		if (length < 2 || end > d.length) throw new CodecException(format + " marker segment FF" + JpegHeader.hex(marker) + " runs past the data");
		start = p + 4;
	}

	/** The marker's second byte: 0xDA for SOS. */
	int marker() { return marker; }
	/** The segment's length field: its contents and the two length bytes. */
	int length() { return length; }
	/** Where its contents start. */
	int start() { return start; }
	/** Just past its contents. */
	int end() { return end; }

	/** The big-endian 16-bit number at {@code o}. */
	static int u16(final byte[] d, final int o) {
		return (d[o] & 0xFF) << 8 | (d[o + 1] & 0xFF);
	}
}
