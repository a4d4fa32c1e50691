package org.medprep.core.segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import net.imglib2.parallel.Parallelization;

import org.medprep.core.ProgressListener;

/**
 * Weighted k-means with scikit-learn 1.2's semantics ({@code sklearn/cluster/_kmeans.py}):
 * greedy k-means++ seeding with 2 + ln(k) local trials per centre, n_init
 * restarts keeping the lowest inertia, Lloyd iterations that stop on unchanged
 * labels or when the squared centre shift is within tol times the mean
 * per-feature variance, empty clusters moved to the points farthest from their
 * centres, and a final assignment to the final centres.
 * <p>
 * Points carry weights, so repeated values are clustered once with their
 * count: {@link #fit1D} takes the distinct values of an image (at most 65536 for
 * 16-bit data) with their counts, which gives the same clustering and inertia
 * as clustering every voxel. In 1-D each cluster is an interval of the sorted
 * values, so an iteration costs O(k log n) with prefix sums. There, unless
 * {@link KMeansParameters#exact1D()} is off, the globally optimal partition
 * (dynamic programming over the sorted values, as Ckmeans.1d.dp by Wang and
 * Song 2011, with divide-and-conquer over monotone split points) is one more
 * candidate next to the restarts, so the best inertia is never worse than
 * scikit-learn's.
 * <p>
 * The draws come from a seeded {@link Random} (not numpy's), so restarts differ
 * from scikit-learn's while the best inertia agrees. Restarts get their own
 * seeds and run in parallel; the result does not depend on the thread count.
 */
public final class KMeans {

	/**
	 * The exact 1-D optimum keeps k split arrays of the distinct values (4 bytes each); above this many
	 * distinct values (float data of big volumes) only the restarts run.
	 */
	static final int EXACT_1D_MAX_VALUES = 1 << 22;

	private KMeans() {}

	/**
	 * Clusters {@code weights.length} points of {@code dimensions} coordinates (row-major in {@code points}).
	 * @param weights non-negative sample weights (counts), or null for all ones
	 */
	public static KMeansResult fit(final double[] points, final int dimensions, final double[] weights, final KMeansParameters p,
		final ProgressListener progress, final BooleanSupplier cancelled)
	{
		if (dimensions < 1 || points.length % dimensions != 0) throw new IllegalArgumentException("points array of length " + points.length + " does not hold points of " + dimensions + " coordinates");
		final int n = points.length / dimensions;
		final double[] w = weights == null ? ones(n) : weights;
		if (w.length != n) throw new IllegalArgumentException(n + " points but " + w.length + " weights");
		final int distinct = countDistinct(points, dimensions, w);
		checkK(p.k(), distinct, "points");
		return run(new Data(points, dimensions, w, dimensions == 1 && strictlyIncreasing(points)), p, progress, cancelled);
	}

	/**
	 * Clusters 1-D data given as its distinct values, strictly increasing, with their counts
	 * (see {@link DistinctValues}).
	 */
	public static KMeansResult fit1D(final double[] sortedDistinct, final double[] counts, final KMeansParameters p,
		final ProgressListener progress, final BooleanSupplier cancelled)
	{
		if (sortedDistinct.length != counts.length) throw new IllegalArgumentException(sortedDistinct.length + " values but " + counts.length + " counts");
		if (!strictlyIncreasing(sortedDistinct)) throw new IllegalArgumentException("values must be distinct and sorted ascending");
		checkK(p.k(), countDistinct(sortedDistinct, 1, counts), "values");
		return run(new Data(sortedDistinct, 1, counts, true), p, progress, cancelled);
	}

	private static void checkK(final int k, final int distinct, final String what) {
		if (distinct == 0) throw new IllegalArgumentException("no data to cluster (no " + what + " with positive weight)");
		if (k > distinct) throw new IllegalArgumentException("K = " + k + " is larger than the number of distinct " + what + " (" + distinct + ")");
	}

	// ------------------------------------------------------------------ driver

	private static KMeansResult run(final Data data, final KMeansParameters p, final ProgressListener progress, final BooleanSupplier cancelled) {
		final double tolerance = p.tol() * data.meanVariance();
		final Random master = new Random(p.seed());
		final List<Long> seeds = new ArrayList<>();
		for (int i = 0; i < p.nInit(); i++) seeds.add(master.nextLong());
		final int[] done = { 0 };
		final List<Run> runs = Parallelization.getTaskExecutor().forEachApply(seeds, seed -> {
			if (cancelled.getAsBoolean()) throw new CancellationException("k-means cancelled");
			final double[] init = kMeansPlusPlus(data, p.k(), new Random(seed));
			final Run r = data.sorted ? lloyd1D(data, init, p.maxIter(), tolerance, cancelled) : lloyd(data, init, p.maxIter(), tolerance, cancelled);
			synchronized (done) {
				progress.progress(++done[0], p.nInit(), "k-means restart " + done[0] + " of " + p.nInit());
			}
			return r;
		});
		Run best = null;
		if (data.sorted && p.exact1D() && data.n <= EXACT_1D_MAX_VALUES) {
			if (cancelled.getAsBoolean()) throw new CancellationException("k-means cancelled");
			best = lloyd1D(data, optimalCenters1D(data.x, data.w, p.k()), p.maxIter(), tolerance, cancelled);
		}
		for (final Run r : runs) if (best == null || r.inertia < best.inertia) best = r;
		return sortedResult(data, best);
	}

	/** Renumbers clusters by ascending centre (lexicographic over coordinates). */
	private static KMeansResult sortedResult(final Data data, final Run r) {
		final int k = r.weights.length, d = data.d;
		final Integer[] order = new Integer[k];
		for (int c = 0; c < k; c++) order[c] = c;
		Arrays.sort(order, (a, b) -> {
			for (int j = 0; j < d; j++) {
				final int cmp = Double.compare(r.centers[a * d + j], r.centers[b * d + j]);
				if (cmp != 0) return cmp;
			}
			return Integer.compare(a, b);
		});
		final int[] rank = new int[k];
		final double[] centers = new double[k * d];
		final double[] weights = new double[k];
		for (int s = 0; s < k; s++) {
			rank[order[s]] = s;
			System.arraycopy(r.centers, order[s] * d, centers, s * d, d);
			weights[s] = r.weights[order[s]];
		}
		final int[] labels = new int[r.labels.length];
		for (int i = 0; i < labels.length; i++) labels[i] = rank[r.labels[i]];
		return new KMeansResult(d, centers, weights, labels, r.inertia, r.iterations);
	}

	// ------------------------------------------------------------------ k-means++

	/** scikit-learn's greedy k-means++ (_kmeans_plusplus), with sample weights. */
	static double[] kMeansPlusPlus(final Data data, final int k, final Random rng) {
		final int n = data.n, d = data.d;
		final int trials = 2 + (int) Math.log(k);
		final double[] centers = new double[k * d];
		final double[] cum = new double[n];
		// first centre: a sample drawn uniformly, i.e. a point drawn proportionally to its weight
		cumulative(data.w, cum);
		int first = searchSorted(cum, rng.nextDouble() * cum[n - 1]);
		System.arraycopy(data.x, first * d, centers, 0, d);
		double[] closest = new double[n];
		for (int i = 0; i < n; i++) closest[i] = data.w[i] * data.dist2(i, centers, 0);
		double pot = sum(closest);
		double[] candidate = new double[n];
		double[] best = new double[n];
		for (int c = 1; c < k; c++) {
			cumulative(closest, cum);
			double bestPot = Double.POSITIVE_INFINITY;
			int bestId = -1;
			for (int t = 0; t < trials; t++) {
				final int id = Math.min(searchSorted(cum, rng.nextDouble() * pot), n - 1);
				double candPot = 0;
				for (int i = 0; i < n; i++) {
					final double v = Math.min(closest[i], data.w[i] * data.dist2(i, data.x, id * d));
					candidate[i] = v;
					candPot += v;
				}
				if (candPot < bestPot) {
					bestPot = candPot;
					bestId = id;
					final double[] tmp = best;
					best = candidate;
					candidate = tmp;
				}
			}
			pot = bestPot;
			final double[] tmp = closest;
			closest = best;
			best = tmp;
			System.arraycopy(data.x, bestId * d, centers, c * d, d);
		}
		return centers;
	}

	// ------------------------------------------------------------------ Lloyd, general dimension

	private static Run lloyd(final Data data, final double[] initCenters, final int maxIter, final double tol, final BooleanSupplier cancelled) {
		final int n = data.n, d = data.d, k = initCenters.length / d;
		double[] centers = initCenters.clone();
		final int[] labels = new int[n];
		final int[] labelsOld = new int[n];
		Arrays.fill(labelsOld, -1);
		boolean strict = false;
		int iter;
		for (iter = 0; iter < maxIter; iter++) {
			if (cancelled.getAsBoolean()) throw new CancellationException("k-means cancelled");
			assign(data, centers, k, labels);
			final double[] sums = new double[k * d];
			final double[] wsum = new double[k];
			for (int i = 0; i < n; i++) {
				final int c = labels[i];
				wsum[c] += data.w[i];
				for (int j = 0; j < d; j++) sums[c * d + j] += data.w[i] * data.x[i * d + j];
			}
			relocateEmpty(data, centers, labels, sums, wsum);
			final double[] next = new double[k * d];
			double shift = 0;
			for (int c = 0; c < k; c++)
				for (int j = 0; j < d; j++) {
					next[c * d + j] = wsum[c] > 0 ? sums[c * d + j] / wsum[c] : centers[c * d + j];
					shift += (next[c * d + j] - centers[c * d + j]) * (next[c * d + j] - centers[c * d + j]);
				}
			centers = next;
			if (Arrays.equals(labels, labelsOld)) { strict = true; break; }
			if (shift <= tol) break;
			System.arraycopy(labels, 0, labelsOld, 0, n);
		}
		if (!strict) assign(data, centers, k, labels);
		final double[] wsum = new double[k];
		double inertia = 0;
		for (int i = 0; i < n; i++) {
			wsum[labels[i]] += data.w[i];
			inertia += data.w[i] * data.dist2(i, centers, labels[i] * d);
		}
		return new Run(centers, wsum, labels, inertia, Math.min(iter + 1, maxIter));
	}

	private static void assign(final Data data, final double[] centers, final int k, final int[] labels) {
		final int d = data.d;
		RowChunks.forEach(data.n, (from, to) -> {
			for (int i = from; i < to; i++) {
				int best = 0;
				double bd = Double.POSITIVE_INFINITY;
				for (int c = 0; c < k; c++) {
					final double dd = data.dist2(i, centers, c * d);
					if (dd < bd) { bd = dd; best = c; }
				}
				labels[i] = best;
			}
		});
	}

	/** scikit-learn's _relocate_empty_clusters_dense: empty clusters take the points farthest from their centres. */
	private static void relocateEmpty(final Data data, final double[] centers, final int[] labels, final double[] sums, final double[] wsum) {
		final int k = wsum.length, d = data.d;
		int empty = 0;
		for (int c = 0; c < k; c++) if (wsum[c] == 0) empty++;
		if (empty == 0) return;
		final Integer[] idx = new Integer[data.n];
		final double[] dist = new double[data.n];
		for (int i = 0; i < data.n; i++) {
			idx[i] = i;
			dist[i] = data.dist2(i, centers, labels[i] * d);
		}
		Arrays.sort(idx, (a, b) -> Double.compare(dist[b], dist[a]));
		int next = 0;
		for (int c = 0; c < k; c++) {
			if (wsum[c] != 0) continue;
			final int far = idx[next++];
			final int old = labels[far];
			final double wf = data.w[far];
			for (int j = 0; j < d; j++) {
				sums[old * d + j] -= data.x[far * d + j] * wf;
				sums[c * d + j] = data.x[far * d + j] * wf;
			}
			wsum[c] = wf;
			wsum[old] -= wf;
		}
	}

	// ------------------------------------------------------------------ Lloyd, 1-D sorted values

	/**
	 * Lloyd iterations on sorted distinct values: a cluster is the interval of values nearer its centre than
	 * any other's, found by binary search of the midpoints; sums over intervals come from prefix sums.
	 */
	private static Run lloyd1D(final Data data, final double[] initCenters, final int maxIter, final double tol, final BooleanSupplier cancelled) {
		final int n = data.n, k = initCenters.length;
		final double[] x = data.x, w = data.w;
		final double[] s0 = new double[n + 1], s1 = new double[n + 1];
		for (int i = 0; i < n; i++) {
			s0[i + 1] = s0[i] + w[i];
			s1[i + 1] = s1[i] + w[i] * x[i];
		}
		double[] centers = initCenters.clone();
		int[] lo = new int[k], hi = new int[k];
		int[] loOld = new int[k], hiOld = new int[k];
		Arrays.fill(loOld, -1);
		boolean strict = false;
		int iter;
		for (iter = 0; iter < maxIter; iter++) {
			if (cancelled.getAsBoolean()) throw new CancellationException("k-means cancelled");
			intervals(x, centers, lo, hi);
			final double[] sums = new double[k], wsum = new double[k];
			for (int c = 0; c < k; c++) {
				wsum[c] = s0[hi[c]] - s0[lo[c]];
				sums[c] = s1[hi[c]] - s1[lo[c]];
			}
			relocateEmpty1D(x, w, centers, lo, hi, sums, wsum);
			final double[] next = new double[k];
			double shift = 0;
			for (int c = 0; c < k; c++) {
				next[c] = wsum[c] > 0 ? sums[c] / wsum[c] : centers[c];
				shift += (next[c] - centers[c]) * (next[c] - centers[c]);
			}
			centers = next;
			if (Arrays.equals(lo, loOld) && Arrays.equals(hi, hiOld)) { strict = true; break; }
			if (shift <= tol) break;
			final int[] t1 = loOld; loOld = lo; lo = t1;
			final int[] t2 = hiOld; hiOld = hi; hi = t2;
		}
		if (!strict) intervals(x, centers, lo, hi);
		final int[] labels = new int[n];
		final double[] wsum = new double[k];
		double inertia = 0;
		for (int c = 0; c < k; c++) {
			for (int i = lo[c]; i < hi[c]; i++) {
				labels[i] = c;
				inertia += w[i] * (x[i] - centers[c]) * (x[i] - centers[c]);
			}
			wsum[c] = s0[hi[c]] - s0[lo[c]];
		}
		return new Run(centers, wsum, labels, inertia, Math.min(iter + 1, maxIter));
	}

	/**
	 * The interval [lo, hi) of sorted values nearest to each centre; a value exactly halfway between two
	 * centres goes to the one with the lower index (as numpy's argmin), and of equal centres the lower index
	 * takes all.
	 */
	static void intervals(final double[] x, final double[] centers, final int[] lo, final int[] hi) {
		final int k = centers.length;
		final Integer[] order = new Integer[k];
		for (int c = 0; c < k; c++) order[c] = c;
		Arrays.sort(order, (a, b) -> {
			final int cmp = Double.compare(centers[a], centers[b]);
			return cmp != 0 ? cmp : Integer.compare(a, b);
		});
		int start = 0;
		for (int s = 0; s < k;) {
			int g = s; // the group of centres equal to order[s]; its lowest index (first) takes the values
			while (g + 1 < k && centers[order[g + 1]] == centers[order[s]]) g++;
			final int leader = order[s];
			int end = x.length;
			if (g < k - 1) {
				final int next = order[g + 1];
				final double mid = 0.5 * (centers[leader] + centers[next]);
				end = Math.max(start, leader < next ? upperBound(x, mid) : lowerBound(x, mid));
			}
			lo[leader] = start;
			hi[leader] = end;
			for (int t = s + 1; t <= g; t++) {
				lo[order[t]] = end;
				hi[order[t]] = end;
			}
			start = end;
			s = g + 1;
		}
	}

	private static void relocateEmpty1D(final double[] x, final double[] w, final double[] centers, final int[] lo, final int[] hi,
		final double[] sums, final double[] wsum)
	{
		final int k = centers.length;
		for (int c = 0; c < k; c++) {
			if (wsum[c] != 0) continue;
			// the farthest point from its centre is an end of some cluster's interval
			int far = -1, owner = -1;
			double fd = -1;
			for (int o = 0; o < k; o++) {
				if (hi[o] == lo[o]) continue;
				for (final int i : new int[] { lo[o], hi[o] - 1 }) {
					final double dd = (x[i] - centers[o]) * (x[i] - centers[o]);
					if (dd > fd) { fd = dd; far = i; owner = o; }
				}
			}
			if (far < 0) continue;
			sums[owner] -= x[far] * w[far];
			wsum[owner] -= w[far];
			sums[c] = x[far] * w[far];
			wsum[c] = w[far];
			// shrink the owner's interval so the same point is not taken twice
			if (far == lo[owner]) lo[owner]++; else hi[owner]--;
		}
	}

	// ------------------------------------------------------------------ exact 1-D optimum

	/**
	 * Centres of the k-partition of sorted values minimising the weighted sum of squares:
	 * D[m][i] = min_j D[m-1][j-1] + cost(j, i), the optimal split j being monotone in i.
	 */
	static double[] optimalCenters1D(final double[] x, final double[] w, final int k) {
		final int n = x.length;
		final double[] s0 = new double[n + 1], s1 = new double[n + 1], s2 = new double[n + 1];
		final double shift = x[n / 2]; // centre the sums to limit cancellation
		for (int i = 0; i < n; i++) {
			final double v = x[i] - shift;
			s0[i + 1] = s0[i] + w[i];
			s1[i + 1] = s1[i] + w[i] * v;
			s2[i + 1] = s2[i] + w[i] * v * v;
		}
		final Cost cost = (j, i) -> { // values j..i inclusive
			final double a = s0[i + 1] - s0[j];
			if (a <= 0) return 0;
			final double b = s1[i + 1] - s1[j];
			return Math.max(0, s2[i + 1] - s2[j] - b * b / a);
		};
		double[] prev = new double[n];
		for (int i = 0; i < n; i++) prev[i] = cost.of(0, i);
		final int[][] split = new int[k][];
		for (int m = 1; m < k; m++) {
			final double[] cur = new double[n];
			java.util.Arrays.fill(cur, Double.POSITIVE_INFINITY);
			final int[] sp = new int[n];
			solve(m, n - 1, m, n - 1, m, prev, cur, sp, cost);
			split[m] = sp;
			prev = cur;
		}
		// backtrack the splits
		final double[] centers = new double[k];
		int end = n - 1;
		for (int m = k - 1; m >= 0; m--) {
			final int start = m == 0 ? 0 : split[m][end];
			final double a = s0[end + 1] - s0[start];
			centers[m] = a > 0 ? (s1[end + 1] - s1[start]) / a + shift : x[start];
			end = start - 1;
		}
		return centers;
	}

	@FunctionalInterface
	private interface Cost {
		double of(int from, int to);
	}

	/** Fills cur[lo..hi] (cluster m's last value at i, first at j in [optLo, optHi], j >= m). */
	private static void solve(final int lo, final int hi, final int optLo, final int optHi, final int m, final double[] prev, final double[] cur,
		final int[] sp, final Cost cost)
	{
		if (lo > hi) return;
		final int mid = (lo + hi) >>> 1;
		double best = Double.POSITIVE_INFINITY;
		int arg = Math.max(optLo, m);
		for (int j = Math.max(optLo, m); j <= Math.min(mid, optHi); j++) {
			final double v = prev[j - 1] + cost.of(j, mid);
			if (v < best) { best = v; arg = j; }
		}
		cur[mid] = best;
		sp[mid] = arg;
		solve(lo, mid - 1, optLo, arg, m, prev, cur, sp, cost);
		solve(mid + 1, hi, arg, optHi, m, prev, cur, sp, cost);
	}

	// ------------------------------------------------------------------ helpers

	private static final class Run {
		final double[] centers;
		final double[] weights;
		final int[] labels;
		final double inertia;
		final int iterations;

		Run(final double[] centers, final double[] weights, final int[] labels, final double inertia, final int iterations) {
			this.centers = centers;
			this.weights = weights;
			this.labels = labels;
			this.inertia = inertia;
			this.iterations = iterations;
		}
	}

	static final class Data {
		final double[] x;
		final int d;
		final double[] w;
		final int n;
		final boolean sorted;

		Data(final double[] x, final int d, final double[] w, final boolean sorted) {
			this.x = x;
			this.d = d;
			this.w = w;
			this.n = w.length;
			this.sorted = sorted;
			for (final double v : w) if (!(v >= 0) || Double.isInfinite(v)) throw new IllegalArgumentException("weights must be finite and non-negative, got " + v);
			for (final double v : x) if (Double.isNaN(v) || Double.isInfinite(v)) throw new IllegalArgumentException("k-means needs finite data, got " + v);
		}

		double dist2(final int i, final double[] c, final int offset) {
			double s = 0;
			for (int j = 0; j < d; j++) {
				final double t = x[i * d + j] - c[offset + j];
				s += t * t;
			}
			return s;
		}

		/** Mean over coordinates of the weighted (population) variance: scikit-learn's _tolerance base. */
		double meanVariance() {
			double total = 0;
			for (final double v : w) total += v;
			double acc = 0;
			for (int j = 0; j < d; j++) {
				double mean = 0;
				for (int i = 0; i < n; i++) mean += w[i] * x[i * d + j];
				mean /= total;
				double var = 0;
				for (int i = 0; i < n; i++) var += w[i] * (x[i * d + j] - mean) * (x[i * d + j] - mean);
				acc += var / total;
			}
			return acc / d;
		}
	}

	private static double[] ones(final int n) {
		final double[] w = new double[n];
		Arrays.fill(w, 1);
		return w;
	}

	private static boolean strictlyIncreasing(final double[] v) {
		for (int i = 1; i < v.length; i++) if (!(v[i] > v[i - 1])) return false;
		return true;
	}

	/** Distinct points among those with positive weight. */
	private static int countDistinct(final double[] points, final int d, final double[] w) {
		final List<double[]> rows = new ArrayList<>();
		for (int i = 0; i < w.length; i++) if (w[i] > 0) rows.add(Arrays.copyOfRange(points, i * d, i * d + d));
		rows.sort((a, b) -> {
			for (int j = 0; j < d; j++) {
				final int c = Double.compare(a[j], b[j]);
				if (c != 0) return c;
			}
			return 0;
		});
		int distinct = 0;
		for (int i = 0; i < rows.size(); i++) if (i == 0 || !Arrays.equals(rows.get(i), rows.get(i - 1))) distinct++;
		return distinct;
	}

	private static void cumulative(final double[] v, final double[] out) {
		double s = 0;
		for (int i = 0; i < v.length; i++) out[i] = s += v[i];
	}

	private static double sum(final double[] v) {
		double s = 0;
		for (final double t : v) s += t;
		return s;
	}

	/** numpy searchsorted(side='left'): the first index with cum[i] >= value. */
	private static int searchSorted(final double[] cum, final double value) {
		int a = 0, b = cum.length;
		while (a < b) {
			final int m = (a + b) >>> 1;
			if (cum[m] < value) a = m + 1; else b = m;
		}
		return a;
	}

	/** First index with x[i] > v. */
	private static int upperBound(final double[] x, final double v) {
		int a = 0, b = x.length;
		while (a < b) {
			final int m = (a + b) >>> 1;
			if (x[m] <= v) a = m + 1; else b = m;
		}
		return a;
	}

	/** First index with x[i] >= v. */
	private static int lowerBound(final double[] x, final double v) {
		int a = 0, b = x.length;
		while (a < b) {
			final int m = (a + b) >>> 1;
			if (x[m] < v) a = m + 1; else b = m;
		}
		return a;
	}
}
