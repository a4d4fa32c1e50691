package org.medprep.io.dicom.codec;

import java.io.EOFException;
import java.io.IOException;

import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO stream over a byte array whose single-byte reads throw
 * EOFException at the end instead of returning -1: JJ2000 reads packet
 * headers byte by byte without checking for -1 and loops forever on a
 * truncated or corrupt codestream otherwise.
 */
final class StrictByteImageInputStream extends ImageInputStreamImpl {

	private final byte[] data;

	StrictByteImageInputStream(final byte[] data) {
		this.data = data;
	}

	@Override
	public int read() throws IOException {
		checkClosed();
		if (streamPos >= data.length) throw new EOFException("codestream ends early");
		bitOffset = 0;
		return data[(int) streamPos++] & 0xFF;
	}

	@Override
	public int read(final byte[] b, final int off, final int len) throws IOException {
		checkClosed();
		if (len == 0) return 0;
		if (streamPos >= data.length) return -1;
		bitOffset = 0;
		final int n = (int) Math.min(len, data.length - streamPos);
		System.arraycopy(data, (int) streamPos, b, off, n);
		streamPos += n;
		return n;
	}

	@Override
	public long length() {
		return data.length;
	}
}
