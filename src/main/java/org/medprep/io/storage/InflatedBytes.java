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
 * The inflated content of a gzip file of one member (ISA-L inflates it in one call, into one array):
 * planes are decoded straight from the array on all threads ({@link #decode}), without a copy through a
 * buffer.
 */
final class InflatedBytes extends WholeContent {

	private final byte[] content;
	/** How much of the array is content (it has a byte of room more, see {@link NativeGzip#inflate}). */
	private final int length;

	/** Planes allocated ahead for {@link #planes}, in the order they will be read ({@link PlanePrefetch}). */
	private final ArrayDeque<Object> prepared = new ArrayDeque<>();

	/** The first {@code length} bytes of {@code content}. */
	InflatedBytes(final byte[] content, final int length) {
		if (length < 0 || length > content.length) throw new IllegalArgumentException(length + " of " + content.length + " bytes");
		this.content = content;
		this.length = length;
	}

	/** Planes allocated ahead, taken in order by {@link #planes} (see {@link PlanePrefetch}). */
	void prepared(final List<Object> planes) {
		prepared.addAll(planes);
	}

	/** How many of the planes allocated ahead are still to be taken. */
	int preparedLeft() {
		return prepared.size();
	}

	@Override
	long end() {
		return length;
	}

	@Override
	Object[] planes(final VoxelType type, final ByteOrder order, final int planeVoxels, final int nz, final Path file) throws ImageFormatException {
		requireVoxelBytes(type, planeVoxels, nz, file);
		final long from = position(), planeBytes = (long) planeVoxels * type.bytes();
		final Object[] planes = new Object[nz];
		final List<Integer> indices = new ArrayList<>(nz);
		final Class<?> planeClass = type.newArray(0).getClass();
		for (int z = 0; z < nz; z++) {
			indices.add(z);
			// planes allocated while the file was inflated, where they are what this read needs
			final Object ahead = prepared.poll();
			if (ahead != null && ahead.getClass() == planeClass && Array.getLength(ahead) == planeVoxels) planes[z] = ahead;
		}
		// each thread also allocates the planes it fills, so the fresh memory's cost is shared too
		Parallelization.getTaskExecutor().forEach(indices, z -> {
			if (planes[z] == null) planes[z] = type.newArray(planeVoxels);
			decode(type, order, from + z * planeBytes, planes[z], planeVoxels);
		});
		advance(planeBytes * nz);
		return planes;
	}

	/** Decodes {@code count} voxels of {@code type} in {@code order}, from byte {@code at} of the content, into {@code array} from index 0. */
	void decode(final VoxelType type, final ByteOrder order, final long at, final Object array, final int count) {
		if (at < 0 || count < 0 || at + (long) count * type.bytes() > length)
			throw new IllegalArgumentException(count + " voxels from byte " + at + " are past the content's " + length + " bytes");
		type.decode(ByteBuffer.wrap(content, (int) at, count * type.bytes()).order(order), array, 0, count);
	}

	@Override
	void copy(final long from, final byte[] to, final int off, final int n) {
		System.arraycopy(content, (int) from, to, off, n);
	}
}
