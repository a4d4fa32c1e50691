package org.medprep.io.storage;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The whole inflated content of a gzip file ({@link DataStreams#openWhole}) as a stream: one array per
 * gzip member (one for a file of one member), so that the members can be inflated into arrays of their
 * own on all threads. Readers may decode voxels straight from the arrays ({@link #decode}) instead of
 * copying them through a buffer ({@link RawVolumes#read}). Reading moves one position, as any stream;
 * {@link #decode} reads anywhere and moves nothing, so threads may share it.
 */
final class InflatedBytes extends InputStream {

	private final byte[][] chunks;
	/** How much of each chunk's array is content (the arrays may be longer). */
	private final int[] lengths;
	/** Where each chunk starts in the content, and the content's length last. */
	private final long[] starts;
	private long position;

	/** Whole arrays as the chunks. */
	InflatedBytes(final byte[]... chunks) {
		this(chunks, lengthsOf(chunks));
	}

	/** The first {@code lengths[i]} bytes of each {@code chunks[i]}. */
	InflatedBytes(final byte[][] chunks, final int[] lengths) {
		if (chunks.length != lengths.length) throw new IllegalArgumentException(chunks.length + " chunks, " + lengths.length + " lengths");
		this.chunks = chunks;
		this.lengths = lengths;
		this.starts = new long[chunks.length + 1];
		for (int i = 0; i < chunks.length; i++) {
			if (lengths[i] < 0 || lengths[i] > chunks[i].length) throw new IllegalArgumentException("chunk " + i + ": " + lengths[i] + " of " + chunks[i].length + " bytes");
			starts[i + 1] = starts[i] + lengths[i];
		}
	}

	private static int[] lengthsOf(final byte[][] chunks) {
		final int[] l = new int[chunks.length];
		for (int i = 0; i < chunks.length; i++) l[i] = chunks[i].length;
		return l;
	}

	long position() {
		return position;
	}

	/** The content's length. */
	long end() {
		return starts[chunks.length];
	}

	/** Marks {@code n} more bytes as read (at most those left). */
	void advance(final long n) {
		if (n < 0 || n > end() - position) throw new IllegalArgumentException("cannot advance " + n + " bytes, " + (end() - position) + " left");
		position += n;
	}

	/**
	 * Decodes {@code count} voxels of {@code type} in {@code order}, starting at byte {@code at} of the
	 * content, into {@code array} from index 0. A voxel that spans two chunks is put together first.
	 */
	void decode(final VoxelType type, final ByteOrder order, final long at, final Object array, final int count) {
		final int size = type.bytes();
		if (at < 0 || count < 0 || at + (long) count * size > end())
			throw new IllegalArgumentException(count + " voxels from byte " + at + " are past the content's " + end() + " bytes");
		long from = at;
		int done = 0;
		while (done < count) {
			final int chunk = chunkOf(from);
			final int offset = (int) (from - starts[chunk]);
			final int whole = Math.min(count - done, (lengths[chunk] - offset) / size);
			if (whole > 0) {
				type.decode(ByteBuffer.wrap(chunks[chunk], offset, whole * size).order(order), array, done, whole);
				done += whole;
				from += (long) whole * size;
				continue;
			}
			// this voxel begins in one chunk and ends in the next
			final byte[] voxel = new byte[size];
			copy(from, voxel, 0, size);
			type.decode(ByteBuffer.wrap(voxel).order(order), array, done, 1);
			done++;
			from += size;
		}
	}

	@Override
	public int read() {
		if (position >= end()) return -1;
		final int chunk = chunkOf(position);
		return chunks[chunk][(int) (position++ - starts[chunk])] & 0xff;
	}

	@Override
	public int read(final byte[] b, final int off, final int len) {
		if (len == 0) return 0;
		if (position >= end()) return -1;
		final int n = (int) Math.min(len, end() - position);
		copy(position, b, off, n);
		position += n;
		return n;
	}

	@Override
	public long skip(final long n) {
		final long s = Math.max(0, Math.min(n, end() - position));
		position += s;
		return s;
	}

	@Override
	public int available() {
		return (int) Math.min(Integer.MAX_VALUE, end() - position);
	}

	/** Copies {@code n} bytes of the content from {@code from}, across chunks. */
	private void copy(final long from, final byte[] to, final int off, final int n) {
		long at = from;
		int done = 0;
		while (done < n) {
			final int chunk = chunkOf(at);
			final int offset = (int) (at - starts[chunk]);
			final int k = Math.min(n - done, lengths[chunk] - offset);
			System.arraycopy(chunks[chunk], offset, to, off + done, k);
			done += k;
			at += k;
		}
	}

	/** The chunk that holds byte {@code at} of the content (the last chunk for its end). */
	private int chunkOf(final long at) {
		int lo = 0, hi = chunks.length - 1;
		while (lo < hi) {
			final int mid = (lo + hi + 1) >>> 1;
			if (starts[mid] <= at) lo = mid;
			else hi = mid - 1;
		}
		return lo;
	}
}
