package org.medprep.io.storage;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Passes bytes through and counts them, so that a writer knows how many it wrote without asking the file. */
public final class CountingOutputStream extends FilterOutputStream {

	private long count;

	public CountingOutputStream(final OutputStream out) {
		super(out);
	}

	/** Bytes written so far. */
	public long count() {
		return count;
	}

	@Override
	public void write(final int b) throws IOException {
		out.write(b);
		count++;
	}

	@Override
	public void write(final byte[] b, final int off, final int len) throws IOException {
		out.write(b, off, len);
		count += len;
	}
}
