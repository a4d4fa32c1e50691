package org.medprep.io.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * The whole content of a gzip file opened by {@link DataStreams#openWhole}, as a stream whose voxels a
 * reader may instead take as planes decoded on all threads ({@link #planes}, used by {@link RawVolumes#read}).
 * Reading moves one position, as any stream; {@link #planes} reads from anywhere and then moves it past
 * what it decoded.
 */
abstract class WholeContent extends InputStream {

	private long position;

	/** The content's length. */
	abstract long end();

	/** Copies {@code n} bytes of the content from {@code from} (all of them there). */
	abstract void copy(long from, byte[] to, int off, int n) throws IOException;

	/**
	 * {@code nz} planes of {@code planeVoxels} voxels of {@code type} in {@code order} from the current
	 * position, which then moves past them; all the bytes must be there ({@link #truncated} otherwise,
	 * before any plane is made).
	 */
	abstract Object[] planes(VoxelType type, ByteOrder order, int planeVoxels, int nz, Path file) throws IOException;

	long position() {
		return position;
	}

	/** Marks {@code n} more bytes as read (at most those left). */
	void advance(final long n) {
		if (n < 0 || n > end() - position) throw new IllegalArgumentException("cannot advance " + n + " bytes, " + (end() - position) + " left");
		position += n;
	}

	/** The bytes {@code planes} needs, or the stream's "truncated" failure for what is left. */
	final long requireVoxelBytes(final VoxelType type, final int planeVoxels, final int nz, final Path file) throws ImageFormatException {
		final long total = (long) planeVoxels * type.bytes() * nz;
		final long left = end() - position;
		if (total > left) throw truncated(file, left, total);
		return total;
	}

	/** The words of {@link RawVolumes}' streamed read when the voxel data end early. */
	static ImageFormatException truncated(final Path file, final long got, final long total) {
		return new ImageFormatException(file, "truncated: voxel data ends after " + got + " of " + total + " bytes");
	}

	@Override
	public int read() throws IOException {
		if (position >= end()) return -1;
		final byte[] one = new byte[1];
		copy(position++, one, 0, 1);
		return one[0] & 0xff;
	}

	@Override
	public int read(final byte[] b, final int off, final int len) throws IOException {
		if (len == 0) return 0;
		if (position >= end()) return -1;
		final int n = (int) Math.min(len, end() - position);
		copy(position, b, off, n);
		position += n;
		return n;
	}

	@Override
	public long skip(final long n) throws IOException {
		final long s = Math.max(0, Math.min(n, end() - position));
		skipped(position, s);
		position += s;
		return s;
	}

	/** Called for bytes skipped, which a subclass may still want to check. */
	void skipped(final long from, final long n) throws IOException {
		// nothing by default
	}

	@Override
	public int available() {
		return (int) Math.min(Integer.MAX_VALUE, end() - position);
	}
}
