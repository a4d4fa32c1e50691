package org.medprep.io.dicom;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipException;

/**
 * A buffered, position-counting reader over the bytes of a file (or of the
 * inflated data set of a deflated file). Every read that runs past the end
 * throws a {@link DicomException} saying where the file ends and what was
 * being read, so truncated files fail cleanly.
 */
final class DicomInput {

	/** Small enough that a header-only scan reads little beyond the header, large enough for cheap copies. */
	private static final int BUFFER = 1 << 14;

	private final InputStream in;
	private final String source;
	/** Total length of the stream if known (files), else -1 (inflated streams). */
	private final long length;
	private final byte[] buf = new byte[BUFFER];
	private int bufPos;
	private int bufLen;
	/** Stream position of buf[0]. */
	private long bufStart;
	private boolean eof;

	DicomInput(final InputStream in, final String source, final long startPosition, final long length) {
		this.in = in;
		this.source = source;
		this.bufStart = startPosition;
		this.length = length;
	}

	String source() { return source; }
	long position() { return bufStart + bufPos; }
	/** Bytes left to the end of the stream, or Long.MAX_VALUE if unknown. */
	long remaining() { return length < 0 ? Long.MAX_VALUE : length - position(); }
	boolean lengthKnown() { return length >= 0; }

	/** Makes at least {@code n} (&lt;= BUFFER) bytes available if the stream has them; returns how many are. */
	private int ensure(final int n) throws DicomException {
		if (bufLen - bufPos >= n) return bufLen - bufPos;
		if (bufPos > 0) {
			System.arraycopy(buf, bufPos, buf, 0, bufLen - bufPos);
			bufStart += bufPos;
			bufLen -= bufPos;
			bufPos = 0;
		}
		while (bufLen < n && !eof) {
			final int r;
			try {
				r = in.read(buf, bufLen, buf.length - bufLen);
			}
			catch (final EOFException e) {
				throw new DicomException(source + ": compressed data set ends early at byte " + position() + " (truncated deflate stream)", e);
			}
			catch (final ZipException e) {
				throw new DicomException(source + ": corrupt deflated data set near byte " + position() + ": " + e.getMessage(), e);
			}
			catch (final IOException e) {
				throw new DicomException(source + ": cannot read: " + e.getMessage(), e);
			}
			if (r < 0) eof = true;
			else bufLen += r;
		}
		return bufLen - bufPos;
	}

	boolean atEnd() throws DicomException {
		return ensure(1) == 0;
	}

	/** Up to {@code n} (&lt;= 16) bytes from the current position without consuming them. */
	byte[] peek(final int n) throws DicomException {
		final int have = Math.min(n, ensure(n));
		final byte[] b = new byte[have];
		System.arraycopy(buf, bufPos, b, 0, have);
		return b;
	}

	private DicomException truncated(final int wanted, final String what) {
		return new DicomException(source + ": file is truncated: it ends at byte " + (position() + bufLen - bufPos)
			+ " while reading " + what + " (" + wanted + " bytes needed at byte " + position() + ")");
	}

	int u16(final boolean bigEndian, final String what) throws DicomException {
		if (ensure(2) < 2) throw truncated(2, what);
		final int a = buf[bufPos] & 0xFF;
		final int b = buf[bufPos + 1] & 0xFF;
		bufPos += 2;
		return bigEndian ? (a << 8) | b : (b << 8) | a;
	}

	long u32(final boolean bigEndian, final String what) throws DicomException {
		if (ensure(4) < 4) throw truncated(4, what);
		long v = 0;
		for (int i = 0; i < 4; i++) {
			final int shift = bigEndian ? 8 * (3 - i) : 8 * i;
			v |= (long) (buf[bufPos + i] & 0xFF) << shift;
		}
		bufPos += 4;
		return v;
	}

	void readFully(final byte[] dst, final String what) throws DicomException {
		int off = 0;
		while (off < dst.length) {
			final int avail = ensure(Math.min(BUFFER, dst.length - off));
			if (avail == 0) throw truncated(dst.length - off, what);
			final int n = Math.min(avail, dst.length - off);
			System.arraycopy(buf, bufPos, dst, off, n);
			bufPos += n;
			off += n;
		}
	}

	/**
	 * Reads {@code len} bytes. The caller has checked {@code len} against the
	 * file length where it is known; for streams of unknown length the bytes are
	 * gathered in chunks, so a bogus length ends in a truncation error, not in a
	 * huge allocation.
	 */
	byte[] read(final long len, final String what) throws DicomException {
		if (len > Integer.MAX_VALUE - 8) throw new DicomException(source + ": " + what + " is " + len + " bytes, too large to read");
		if (lengthKnown() || len <= (1 << 24)) {
			final byte[] b = new byte[(int) len];
			readFully(b, what);
			return b;
		}
		final java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(1 << 24);
		final byte[] chunk = new byte[1 << 20];
		long left = len;
		while (left > 0) {
			final int n = (int) Math.min(chunk.length, left);
			final int avail = ensure(Math.min(BUFFER, n));
			if (avail == 0) throw truncated((int) Math.min(left, Integer.MAX_VALUE), what);
			final int k = Math.min(avail, n);
			System.arraycopy(buf, bufPos, chunk, 0, k);
			bufPos += k;
			out.write(chunk, 0, k);
			left -= k;
		}
		return out.toByteArray();
	}

	/** Reads 1 to {@code len} bytes (what is buffered, refilling once), or returns -1 at the end. */
	int readSome(final byte[] dst, final int off, final int len) throws DicomException {
		final int avail = ensure(1);
		if (avail == 0) return -1;
		final int n = Math.min(avail, len);
		System.arraycopy(buf, bufPos, dst, off, n);
		bufPos += n;
		return n;
	}

	void skip(final long n, final String what) throws DicomException {
		long left = n;
		while (left > 0) {
			final int avail = ensure(1);
			if (avail == 0) throw truncated((int) Math.min(left, Integer.MAX_VALUE), what);
			final int k = (int) Math.min(avail, left);
			bufPos += k;
			left -= k;
			if (left > BUFFER && bufPos == bufLen && !eof) {
				// skip large spans in the underlying stream without copying them through the buffer
				try {
					final long s = in.skip(left - 1);
					if (s > 0) {
						bufStart += bufLen + s;
						bufPos = 0;
						bufLen = 0;
						left -= s;
					}
				}
				catch (final IOException e) {
					throw new DicomException(source + ": cannot read: " + e.getMessage(), e);
				}
			}
		}
	}
}
