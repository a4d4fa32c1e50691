package org.medprep.io.tiff;

import java.util.ArrayList;
import java.util.List;

/**
 * Planes split into runs, one task each: a few runs per thread, so threads
 * that finish early take another, and one plane buffer per run (not per
 * plane), so a CT's worth of buffers is never waiting for the collector.
 */
final class TiffPlaneRuns {

	private static final int RUNS_PER_THREAD = 4;

	private TiffPlaneRuns() {}

	/** {first, end} plane ranges covering 0 to {@code planes}, in order. */
	static List<int[]> split(final int planes, final int threads) {
		final int runs = Math.max(1, Math.min(planes, RUNS_PER_THREAD * Math.max(1, threads)));
		final List<int[]> list = new ArrayList<>(runs);
		for (int i = 0; i < runs; i++) {
			final int from = (int) ((long) planes * i / runs), to = (int) ((long) planes * (i + 1) / runs);
			if (to > from) list.add(new int[] { from, to });
		}
		return list;
	}
}
