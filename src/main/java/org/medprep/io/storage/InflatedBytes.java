package org.medprep.io.storage;

import java.lang.reflect.Array;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

import net.imglib2.parallel.Parallelization;

/**
 * Inflated content held in arrays (one for a gzip file of one member, inflated by ISA-L in one call):
 * planes are decoded straight from them on all threads ({@link #decode}), without a copy through a buffer.
 */
final class InflatedBytes extends WholeContent {

	private final byte[][] chunks;
	/** How much of each chunk's array is content (the arrays may be longer). */
	private final int[] lengths;
	/** Where each chunk starts in the content, and the content's length last. */
	private final long[] starts;

	/** Planes allocated ahead for {@link #planes}, in the order they will be read ({@link PlanePrefetch}). */
	private final ArrayDeque<Object> prepared = new ArrayDeque<>();

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

	/** Planes allocated ahead, taken in order by {@link #planes} (see {@link PlanePrefetch}). */
	void prepared(final List<Object> planes) {
		prepared.addAll(planes);
	}

	/** How many of the planes allocated ahead are still to be taken. */
	int preparedLeft() {
		return prepared.size();
	}

	private static int[] lengthsOf(final byte[][] chunks) {
		final int[] l = new int[chunks.length];
		for (int i = 0; i < chunks.length; i++) l[i] = chunks[i].length;
		return l;
	}

	@Override
	long end() {
		return starts[chunks.length];
	}

	@Override
	Object[] planes(final VoxelType type, final ByteOrder order, final int planeVoxels, final int nz, final Path file) throws ImageFormatException {
		requireVoxelBytes(type, planeVoxels, nz, file);
		final long from = position(), planeBytes = (long) planeVoxels * type.bytes();
		final Object[] planes = new Object[nz];
		final List<Integer> indices = new ArrayList<>(nz);
		for (int z = 0; z < nz; z++) {
			indices.add(z);
			// planes allocated while the file was inflated, where they are what this read needs
			final Object ahead = prepared.poll();
			if (ahead != null && ahead.getClass() == type.newArray(0).getClass() && Array.getLength(ahead) == planeVoxels) planes[z] = ahead;
		}
		// each thread also allocates the planes it fills, so the fresh memory's cost is shared too
		Parallelization.getTaskExecutor().forEach(indices, z -> {
			if (planes[z] == null) planes[z] = type.newArray(planeVoxels);
			decode(type, order, from + z * planeBytes, planes[z], planeVoxels);
		});
		advance(planeBytes * nz);
		return planes;
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

	/** Copies {@code n} bytes of the content from {@code from}, across chunks. */
	@Override
	void copy(final long from, final byte[] to, final int off, final int n) {
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
