package org.medprep.io.storage;

import java.io.ByteArrayInputStream;

/**
 * The whole inflated content of a gzip file ({@link DataStreams#openWhole}) as a stream, whose readers
 * may decode straight from its array instead of copying through a buffer ({@link RawVolumes#read}).
 */
final class InflatedBytes extends ByteArrayInputStream {

	InflatedBytes(final byte[] content) {
		super(content);
	}

	/** The content; bytes from {@link #position()} to {@link #end()} are still to be read. */
	byte[] array() {
		return buf;
	}

	synchronized int position() {
		return pos;
	}

	synchronized int end() {
		return count;
	}

	/** Marks {@code n} bytes as read (at most {@link #available()}). */
	synchronized void advance(final int n) {
		if (n < 0 || n > count - pos) throw new IllegalArgumentException("cannot advance " + n + " bytes, " + (count - pos) + " left");
		pos += n;
	}
}
