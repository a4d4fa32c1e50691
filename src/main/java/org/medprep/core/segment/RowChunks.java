package org.medprep.core.segment;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.parallel.Parallelization;

/**
 * Splits row loops into fixed-size chunks run on the current ImgLib2
 * {@link Parallelization} executor. The chunk size does not depend on the
 * number of threads and partial sums are combined in chunk order, so results
 * are bit-identical whatever the thread count.
 */
final class RowChunks {

	/** Rows per chunk: big enough to amortize task overhead, small enough to balance two cores. */
	static final int CHUNK = 2048;

	private RowChunks() {}

	@FunctionalInterface
	interface Body {
		void run(int from, int to);
	}

	@FunctionalInterface
	interface SumBody {
		double sum(int from, int to);
	}

	/** A chunk's body that also knows the chunk's index (0, 1, ... in row order). */
	@FunctionalInterface
	interface IndexedBody {
		void run(int chunk, int from, int to);
	}

	/** Partial result of a chunk: fills {@code partial} (zeroed) for rows [from, to). */
	@FunctionalInterface
	interface ArrayBody {
		void accumulate(int from, int to, double[] partial);
	}

	static void forEach(final int rows, final Body body) {
		final List<int[]> chunks = chunks(rows);
		if (chunks.size() == 1) {
			body.run(0, rows);
			return;
		}
		Parallelization.getTaskExecutor().forEach(chunks, c -> body.run(c[0], c[1]));
	}

	/** The number of chunks {@code rows} rows are split into (at least one). */
	static int count(final int rows) {
		return Math.max(1, (rows + CHUNK - 1) / CHUNK);
	}

	static void forEachIndexed(final int rows, final IndexedBody body) {
		final List<int[]> chunks = chunks(rows);
		if (chunks.size() == 1) {
			body.run(0, 0, rows);
			return;
		}
		Parallelization.getTaskExecutor().forEach(chunks, c -> body.run(c[0] / CHUNK, c[0], c[1]));
	}

	static double sum(final int rows, final SumBody body) {
		final List<int[]> chunks = chunks(rows);
		if (chunks.size() == 1) return body.sum(0, rows);
		final List<Double> parts = Parallelization.getTaskExecutor().forEachApply(chunks, c -> body.sum(c[0], c[1]));
		double s = 0;
		for (final double p : parts) s += p;
		return s;
	}

	/** Sums per-chunk arrays of {@code length} element-wise, in chunk order. */
	static double[] sumArrays(final int rows, final int length, final ArrayBody body) {
		final List<int[]> chunks = chunks(rows);
		if (chunks.size() == 1) {
			final double[] out = new double[length];
			body.accumulate(0, rows, out);
			return out;
		}
		final List<double[]> parts = Parallelization.getTaskExecutor().forEachApply(chunks, c -> {
			final double[] p = new double[length];
			body.accumulate(c[0], c[1], p);
			return p;
		});
		final double[] out = new double[length];
		for (final double[] p : parts)
			for (int i = 0; i < length; i++) out[i] += p[i];
		return out;
	}

	private static List<int[]> chunks(final int rows) {
		final List<int[]> chunks = new ArrayList<>();
		for (int from = 0; from < rows; from += CHUNK) chunks.add(new int[] { from, Math.min(rows, from + CHUNK) });
		if (chunks.isEmpty()) chunks.add(new int[] { 0, 0 });
		return chunks;
	}
}
