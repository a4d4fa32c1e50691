package org.medprep.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;

/**
 * How often each stored value occurs among the selected voxels of an image
 * stored as 8- or 16-bit integers (CT and most MR files, ImageJ stacks): one
 * pass of counting, after which sums, extremes and moments are exact and cost
 * nothing per voxel. Counts are integers, so the result is the same whatever
 * the number of threads.
 */
public final class ValueCounts {

	private final double[] values;
	private final long[] counts;

	private ValueCounts(final double[] values, final long[] counts) {
		this.values = values;
		this.counts = counts;
	}

	/**
	 * The counts of the selected voxels, or empty when the image is not a planar
	 * image of 8- or 16-bit stored integers (then count another way).
	 */
	public static Optional<ValueCounts> of(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection) {
		final StoredPlanes stored = StoredPlanes.of(image).orElse(null);
		if (stored == null || stored.tableSize() == 0 || image.numDimensions() != 3) return Optional.empty();
		final RandomAccessibleInterval<? extends RealType<?>> mask = selection.maskImage();
		if (mask != null) Planes.requireSameSize(image, mask);
		final int size = stored.tableSize(), n = Planes.planeSize(image);
		// one table per worker thread, added up once at the end (not once per plane: 65536 bins per
		// plane cost as much as counting a 512x512 plane); integer sums, so the order does not matter
		final List<Tally> tallies = new ArrayList<>();
		final ThreadLocal<Tally> tally = ThreadLocal.withInitial(() -> {
			final Tally t = new Tally(size);
			synchronized (tallies) {
				tallies.add(t);
			}
			return t;
		});
		final List<Integer> zs = new ArrayList<>();
		for (int z = 0; z < image.dimension(2); z++) zs.add(z);
		final Planes.MaskRuns maskRuns = mask == null ? null : new Planes.MaskRuns(mask);
		Parallelization.getTaskExecutor().forEach(zs, z -> {
			final Tally t = tally.get();
			if (t.counted > Integer.MAX_VALUE - n) t.flush(); // an int bin cannot overflow before the flush
			final Object plane = stored.plane(z);
			if (maskRuns == null) count(plane, 0, n, t.bins);
			else maskRuns.forEachSelected(z, (from, to) -> count(plane, from, to, t.bins));
			t.counted += n;
		});
		final long[] counts = new long[size];
		for (final Tally t : tallies) {
			t.flush();
			for (int b = 0; b < size; b++) counts[b] += t.total[b];
		}
		final double[] values = stored.tableValues();
		if (selection.kind() == VoxelSelection.Kind.NON_ZERO)
			for (int b = 0; b < size; b++)
				if (values[b] == 0) counts[b] = 0;
		return Optional.of(new ValueCounts(values, counts));
	}

	/** One thread's counts: int bins while counting (half the cache of longs), moved into long totals before they could overflow. */
	private static final class Tally {
		final int[] bins;
		final long[] total;
		long counted;

		Tally(final int size) {
			bins = new int[size];
			total = new long[size];
		}

		void flush() {
			for (int b = 0; b < bins.length; b++) {
				total[b] += bins[b];
				bins[b] = 0;
			}
			counted = 0;
		}
	}

	private static void count(final Object plane, final int from, final int to, final int[] h) {
		if (plane instanceof short[]) {
			final short[] a = (short[]) plane;
			for (int i = from; i < to; i++) h[a[i] & 0xffff]++;
		}
		else {
			final byte[] a = (byte[]) plane;
			for (int i = from; i < to; i++) h[a[i] & 0xff]++;
		}
	}

	/** The number of distinct stored values (256 or 65536). */
	public int size() { return values.length; }

	/** The physical value of stored value number {@code k}. */
	public double value(final int k) { return values[k]; }

	/** How many selected voxels hold stored value number {@code k}. */
	public long count(final int k) { return counts[k]; }
}
