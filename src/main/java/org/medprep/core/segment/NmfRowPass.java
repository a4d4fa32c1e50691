package org.medprep.core.segment;

import java.util.Arrays;

/**
 * The W half of an NMF iteration in one pass over X's rows: for each block of rows, X Ht, the
 * update of those rows of W (each row of W depends only on itself), then the block's share of
 * X^T W and W^T W with the updated rows, which the H half needs. X is read from memory once per
 * iteration instead of twice, and a block's rows of X, W and X Ht are still in the first-level
 * cache when they are used again; X Ht is never stored whole.
 * <p>
 * The rows are split into the fixed chunks of {@link RowChunks}, run in parallel, and each chunk
 * into blocks of {@link #BLOCK} rows (a multiple of four: the groups of four of the sweep, the
 * products and the Gram matrix start where they would in one pass over the chunk). The chunks'
 * partial sums are added in chunk order, so every output has the same bits at any thread count,
 * and the same bits as the separate passes this replaces.
 * <p>
 * Buffers are allocated once, for one X and one number of components; an iteration allocates
 * nothing large.
 */
final class NmfRowPass {

	/** Rows per block: a block's rows of X (BLOCK x m doubles) stay in the first-level cache for m up to about 60. */
	static final int BLOCK = 64;

	private final Matrix x;
	private final int k;
	private final double[][] xht; // per chunk: BLOCK x k
	private final double[][] xtwParts; // per chunk: m x k
	private final double[][] wtwParts; // per chunk: k x k, upper triangle
	private final double[][] scratch; // per chunk: 4 k
	private final double[] violations; // per chunk
	private final double[] xtw; // m x k
	private final double[] wtw; // k x k

	NmfRowPass(final Matrix x, final int k) {
		this.x = x;
		this.k = k;
		final int chunks = RowChunks.count(x.rows()), m = x.cols();
		xht = new double[chunks][BLOCK * k];
		xtwParts = new double[chunks][m * k];
		wtwParts = new double[chunks][k * k];
		scratch = new double[chunks][4 * k];
		violations = new double[chunks];
		xtw = new double[m * k];
		wtw = new double[k * k];
	}

	/**
	 * Updates {@code w} (n x k) for X ~ w ht^T with {@code solver}'s rule, given hht = ht^T ht
	 * (for coordinate descent, l2 is added to its diagonal here); afterwards {@link #xtw()} and
	 * {@link #wtw()} hold X^T w and w^T w of the updated w.
	 *
	 * @return the projected-gradient violation of the coordinate-descent sweep (0 for the multiplicative update)
	 */
	double updateW(final Matrix w, final Matrix ht, final double[] hht, final NmfSolver solver, final double l1, final double l2) {
		final int n = x.rows(), m = x.cols(), k = this.k;
		if (w.rows() != n || w.cols() != k || ht.rows() != m || ht.cols() != k)
			throw new IllegalArgumentException("pass sized for X " + n + " x " + m + " and " + k + " components, given W " + w.rows() + " x " + w.cols() +
				" and Ht " + ht.rows() + " x " + ht.cols());
		final boolean cd = solver == NmfSolver.COORDINATE_DESCENT;
		if (cd) Nmf.addToDiagonal(hht, k, l2);
		final double[] wd = w.data(), htd = ht.data();
		RowChunks.forEachIndexed(n, (chunk, from, to) -> {
			final double[] block = xht[chunk], xtwPart = xtwParts[chunk], wtwPart = wtwParts[chunk], v = scratch[chunk];
			Arrays.fill(xtwPart, 0);
			Arrays.fill(wtwPart, 0);
			double violation = 0;
			for (int b = from; b < to; b += BLOCK) {
				final int e = Math.min(to, b + BLOCK);
				NmfProducts.times(x, htd, k, block, b, b, e);
				if (cd) violation = Nmf.sweep(wd, k, block, b, hht, l1, b, e, violation, v);
				else Nmf.multiply(wd, k, block, b, hht, l1, l2, b, e, v);
				NmfProducts.transposeTimes(x, wd, k, xtwPart, b, e);
				Nmf.gramRows(wd, k, wtwPart, b, e);
			}
			violations[chunk] = violation;
		});
		sumInChunkOrder(xtwParts, xtw);
		sumInChunkOrder(wtwParts, wtw);
		Nmf.mirrorUpperTriangle(wtw, k);
		double violation = 0;
		for (final double c : violations) violation += c;
		return violation;
	}

	/** X^T W (m x k) of the last {@link #updateW}: this object's buffer, overwritten by the next pass. */
	double[] xtw() { return xtw; }

	/** W^T W (k x k) of the last {@link #updateW}: this object's buffer, overwritten by the next pass. */
	double[] wtw() { return wtw; }

	private static void sumInChunkOrder(final double[][] parts, final double[] out) {
		Arrays.fill(out, 0);
		for (final double[] p : parts)
			for (int e = 0; e < out.length; e++) out[e] += p[e];
	}
}
