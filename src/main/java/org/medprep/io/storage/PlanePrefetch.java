package org.medprep.io.storage;

import java.util.List;

/**
 * What a reader gives {@link DataStreams#openWhole(java.nio.file.Path, PlanePrefetch)} so that its planes
 * are allocated while ISA-L inflates a one-member file on another thread (the other core is idle then, and
 * fresh memory is a third of such a read's time on a virtual machine). From the first bytes of the content
 * (zlib-inflated at once) the reader tells which planes it will read; {@link RawVolumes#read} then fills
 * them instead of allocating its own.
 */
@FunctionalInterface
public interface PlanePrefetch {

	/**
	 * The planes the read will fill, in the order it reads them, or an empty list (they are then allocated
	 * with {@link VoxelType#newArray}). Called on another thread; {@code head} is at most the first 64 KiB of the content, whose length is
	 * {@code contentLength}: a plan for more bytes than that is not allocated. Failures here are ignored
	 * (the read itself reports a bad header).
	 */
	List<Planes> plan(byte[] head, long contentLength) throws Exception;

	/** {@code count} planes of {@code voxels} voxels of {@code type}, to be read one after another. */
	final class Planes {
		final VoxelType type;
		final int voxels;
		final long count;

		public Planes(final VoxelType type, final int voxels, final long count) {
			this.type = type;
			this.voxels = voxels;
			this.count = count;
		}
	}
}
