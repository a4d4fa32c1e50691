package org.medprep.core.normalize;

import java.util.Arrays;
import java.util.List;

import org.medprep.core.Planes;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;

/**
 * The selected voxel values as a weighted sample: for integer images the
 * distinct values with their counts (one pass, small, exact), otherwise every
 * value with weight 1. Algorithms that depend only on the value distribution
 * (fuzzy c-means in 1D, kernel density estimates) give the same answer on both.
 */
final class ForegroundValues {

	/** A histogram wider than this is not worth it; values are kept one by one. */
	private static final long MAX_BINS = 1L << 20;

	final double[] values;
	/** Counts per value, or null when every weight is 1. */
	final double[] weights;
	final long count;
	final double min;
	final double max;

	private ForegroundValues(final double[] values, final double[] weights, final long count, final double min, final double max) {
		this.values = values;
		this.weights = weights;
		this.count = count;
		this.min = min;
		this.max = max;
	}

	double weight(final int i) { return weights == null ? 1 : weights[i]; }

	/** @throws IllegalArgumentException if the selection is empty */
	static ForegroundValues of(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection) {
		final IntensityStatistics range = IntensityStatistics.of(image, selection);
		final Object type = Util.getTypeFromInterval(image);
		final long bins = (long) range.max() - (long) range.min() + 1;
		if (type instanceof IntegerType && bins <= MAX_BINS) {
			final long offset = (long) range.min();
			final List<long[]> planes = Planes.map(image, selection.maskImage(), (z, v, m) -> {
				final long[] h = new long[(int) bins];
				for (int i = 0; i < v.length; i++)
					if (selection.test(v[i], m, i)) h[(int) ((long) v[i] - offset)]++;
				return h;
			});
			final long[] h = new long[(int) bins];
			for (final long[] p : planes)
				for (int b = 0; b < bins; b++) h[b] += p[b];
			int distinct = 0;
			for (final long c : h) if (c > 0) distinct++;
			final double[] values = new double[distinct], weights = new double[distinct];
			for (int b = 0, k = 0; b < bins; b++) {
				if (h[b] == 0) continue;
				values[k] = offset + b;
				weights[k++] = h[b];
			}
			return new ForegroundValues(values, weights, range.count(), range.min(), range.max());
		}
		if (range.count() > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("too many foreground voxels: " + range.count());
		final List<double[]> planes = Planes.map(image, selection.maskImage(), (z, v, m) -> {
			int n = 0;
			final double[] kept = new double[v.length];
			for (int i = 0; i < v.length; i++)
				if (selection.test(v[i], m, i)) kept[n++] = v[i];
			return Arrays.copyOf(kept, n);
		});
		final double[] values = new double[(int) range.count()];
		int at = 0;
		for (final double[] p : planes) {
			System.arraycopy(p, 0, values, at, p.length);
			at += p.length;
		}
		return new ForegroundValues(values, null, range.count(), range.min(), range.max());
	}

	/** Number of distinct values (exact for the histogram form, a lower bound check otherwise). */
	int distinctAtLeast(final int wanted) {
		if (weights != null) return values.length;
		final double[] seen = new double[wanted];
		int n = 0;
		outer: for (final double v : values) {
			for (int k = 0; k < n; k++)
				if (seen[k] == v) continue outer;
			seen[n++] = v;
			if (n == wanted) return n;
		}
		return n;
	}
}
