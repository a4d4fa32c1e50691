package org.medprep.io.dicom.codec;

/**
 * The bits of JPEG entropy-coded data, most significant first, with stuffed
 * zero bytes after FF removed. A marker ends the data: reading past it is an
 * error (truncated or corrupt codestream), except at restart markers.
 */
final class JpegBits {

	private final byte[] d;
	private int pos;
	private int cur;
	private int left;

	JpegBits(final byte[] d, final int start) {
		this.d = d;
		this.pos = start;
	}

	int bit() throws CodecException {
		if (left == 0) {
			if (pos >= d.length) throw new CodecException("JPEG data ends in the middle of the scan");
			final int b = d[pos] & 0xFF;
			if (b == 0xFF) {
				final int next = pos + 1 < d.length ? d[pos + 1] & 0xFF : -1;
				if (next != 0) throw new CodecException("JPEG scan data ends early (marker FF" + (next < 0 ? "" : JpegHeader.hex(next)) + " at byte " + pos + ")");
				pos += 2;
			}
			else pos++;
			cur = b;
			left = 8;
		}
		left--;
		return cur >> left & 1;
	}

	int bits(final int n) throws CodecException {
		int v = 0;
		for (int i = 0; i < n; i++) v = v << 1 | bit();
		return v;
	}

	/** RECEIVE and EXTEND (F.2.2.1): an s-bit magnitude category to a signed value. */
	int extend(final int s) throws CodecException {
		if (s == 0) return 0;
		final int v = bits(s);
		return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
	}

	/** Drops the bits left in the byte and steps over the RSTn marker that must follow. */
	void restart() throws CodecException {
		left = 0;
		while (pos + 1 < d.length && (d[pos] & 0xFF) == 0xFF && (d[pos + 1] & 0xFF) == 0xFF) pos++;
		if (pos + 1 >= d.length || (d[pos] & 0xFF) != 0xFF || (d[pos + 1] & 0xF8) != 0xD0)
			throw new CodecException("JPEG restart marker expected at byte " + pos);
		pos += 2;
	}
}
