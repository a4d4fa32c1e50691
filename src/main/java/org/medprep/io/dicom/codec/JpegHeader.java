package org.medprep.io.dicom.codec;

/**
 * The frame header (SOFn) of a JPEG codestream, found by walking the marker
 * segments from SOI to the first SOS: which process, precision, size and
 * number of components.
 */
final class JpegHeader {

	final int marker;
	final int precision;
	final int rows;
	final int columns;
	final int components;

	private JpegHeader(final int marker, final int precision, final int rows, final int columns, final int components) {
		this.marker = marker;
		this.precision = precision;
		this.rows = rows;
		this.columns = columns;
		this.components = components;
	}

	static JpegHeader read(final byte[] d) throws CodecException {
		if (d.length < 4 || (d[0] & 0xFF) != 0xFF || (d[1] & 0xFF) != 0xD8)
			throw new CodecException("not a JPEG codestream (no SOI marker FFD8 at its start)");
		int p = 2;
		while (true) {
			while (p < d.length && (d[p] & 0xFF) == 0xFF && p + 1 < d.length && (d[p + 1] & 0xFF) == 0xFF) p++; // fill bytes
			if (p + 4 > d.length) throw new CodecException("JPEG codestream ends before its frame header");
			if ((d[p] & 0xFF) != 0xFF) throw new CodecException("JPEG marker expected at byte " + p);
			final int m = d[p + 1] & 0xFF;
			final int len = (d[p + 2] & 0xFF) << 8 | (d[p + 3] & 0xFF);
			if (len < 2 || p + 2 + len > d.length) throw new CodecException("JPEG marker segment FF" + hex(m) + " at byte " + p + " runs past the data");
			if (m == 0xDA) throw new CodecException("JPEG scan before any frame header");
			if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {
				if (len < 8) throw new CodecException("JPEG frame header too short");
				final int precision = d[p + 4] & 0xFF;
				final int rows = (d[p + 5] & 0xFF) << 8 | (d[p + 6] & 0xFF);
				final int columns = (d[p + 7] & 0xFF) << 8 | (d[p + 8] & 0xFF);
				final int components = d[p + 9] & 0xFF;
				return new JpegHeader(m, precision, rows, columns, components);
			}
			p += 2 + len;
		}
	}

	boolean isLossless() { return marker == 0xC3; }
	boolean isSequentialDct() { return marker == 0xC0 || marker == 0xC1; }

	String describe() {
		final String process;
		switch (marker) {
			case 0xC0: process = "baseline"; break;
			case 0xC1: process = "extended sequential"; break;
			case 0xC2: process = "progressive"; break;
			case 0xC3: process = "lossless"; break;
			default: process = "SOF" + (marker - 0xC0);
		}
		return process + " " + precision + "-bit " + columns + "x" + rows + (components == 1 ? "" : " with " + components + " components");
	}

	static String hex(final int m) {
		return String.format("%02X", m);
	}
}
