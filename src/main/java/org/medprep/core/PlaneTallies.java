package org.medprep.core;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.parallel.Parallelization;

/**
 * Histograms counted plane by plane on {@link Parallelization}'s executor: one
 * table per worker thread, added up once at the end (not once per plane: 65536
 * bins per plane cost as much as counting a 512x512 plane). The sums are of
 * integers, so they are the same in any order and at any thread count.
 */
final class PlaneTallies {

	/** Counts one plane into its worker thread's int bins. */
	@FunctionalInterface
	interface PlaneCount {
		void count(int[] bins, int z);
	}

	private PlaneTallies() {}

	/**
	 * Planes {@code 0 .. nz-1} counted by {@code count} into {@code size} bins;
	 * {@code planeSize} bounds what one plane can add to a bin.
	 */
	static long[] count(final int size, final int nz, final int planeSize, final PlaneCount count) {
		final List<Tally> tallies = new ArrayList<>();
		final ThreadLocal<Tally> tally = ThreadLocal.withInitial(() -> {
			final Tally t = new Tally(size);
			synchronized (tallies) {
				tallies.add(t);
			}
			return t;
		});
		Parallelization.getTaskExecutor().forEach(Planes.zIndices(nz), z -> {
			final Tally t = tally.get();
			if (t.counted > Integer.MAX_VALUE - planeSize) t.flush(); // an int bin cannot overflow before the flush
			count.count(t.bins, z);
			t.counted += planeSize;
		});
		final long[] sum = new long[size];
		for (final Tally t : tallies) {
			t.flush();
			for (int b = 0; b < size; b++) sum[b] += t.total[b];
		}
		return sum;
	}

	/** One worker thread's counts: int bins while counting (half the cache of longs), moved into long totals before they could overflow. */
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
}
