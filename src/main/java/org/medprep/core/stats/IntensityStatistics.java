package org.medprep.core.stats;

import java.util.List;
import java.util.Optional;

import org.medprep.core.Planes;
import org.medprep.core.ValueCounts;
import org.medprep.core.VoxelSelection;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Count, mean, population standard deviation (ddof = 0, as numpy, TorchIO and
 * MONAI use), minimum and maximum of the selected voxels.
 * <p>
 * Two passes (mean, then squared deviations) in double precision with
 * per-plane partial sums combined in plane order: accurate and identical
 * whatever the thread count.
 */
public final class IntensityStatistics {

	private final long count;
	private final double mean;
	private final double std;
	private final double min;
	private final double max;

	private IntensityStatistics(final long count, final double mean, final double std, final double min, final double max) {
		this.count = count;
		this.mean = mean;
		this.std = std;
		this.min = min;
		this.max = max;
	}

	/**
	 * @throws IllegalArgumentException if the selection holds no voxel (empty mask)
	 */
	public static IntensityStatistics of(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection) {
		final Optional<ValueCounts> counts = ValueCounts.of(image, selection);
		if (counts.isPresent()) return of(counts.get(), selection);
		// per plane: { count, sum, min, max }, fed in runs straight from the stored arrays
		final List<double[]> first = Planes.scanRuns(image, selection.maskImage(),
			() -> new double[] { 0, 0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }, (acc, v, m, len) -> {
				double sum = acc[1], lo = acc[2], hi = acc[3];
				long n = (long) acc[0];
				for (int i = 0; i < len; i++) {
					if (!selection.test(v[i], m, i)) continue;
					final double x = v[i];
					sum += x;
					n++;
					if (x < lo) lo = x;
					if (x > hi) hi = x;
				}
				acc[0] = n;
				acc[1] = sum;
				acc[2] = lo;
				acc[3] = hi;
			});
		long count = 0;
		double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (final double[] p : first) {
			count += (long) p[0];
			sum += p[1];
			min = Math.min(min, p[2]);
			max = Math.max(max, p[3]);
		}
		if (count == 0) throw new IllegalArgumentException("no voxels selected: " + selection.describe() + " is empty");
		final double mean = sum / count;
		final List<double[]> second = Planes.scanRuns(image, selection.maskImage(), () -> new double[1], (acc, v, m, len) -> {
			double ss = acc[0];
			for (int i = 0; i < len; i++) {
				if (!selection.test(v[i], m, i)) continue;
				final double d = v[i] - mean;
				ss += d * d;
			}
			acc[0] = ss;
		});
		double ss = 0;
		for (final double[] s : second) ss += s[0];
		return new IntensityStatistics(count, mean, Math.sqrt(ss / count), min, max);
	}

	/**
	 * From counted stored values: the sums run over distinct values, so they are
	 * exact for integer data (every partial sum is an integer below 2^53) and cost
	 * nothing per voxel.
	 */
	private static IntensityStatistics of(final ValueCounts counts, final VoxelSelection selection) {
		long count = 0;
		double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (int k = 0; k < counts.size(); k++) {
			final long c = counts.count(k);
			if (c == 0) continue;
			final double v = counts.value(k);
			count += c;
			sum += c * v;
			min = Math.min(min, v);
			max = Math.max(max, v);
		}
		if (count == 0) throw new IllegalArgumentException("no voxels selected: " + selection.describe() + " is empty");
		final double mean = sum / count;
		double ss = 0;
		for (int k = 0; k < counts.size(); k++) {
			final long c = counts.count(k);
			if (c == 0) continue;
			final double d = counts.value(k) - mean;
			ss += c * d * d;
		}
		return new IntensityStatistics(count, mean, Math.sqrt(ss / count), min, max);
	}

	public long count() { return count; }
	public double mean() { return mean; }
	public double std() { return std; }
	public double min() { return min; }
	public double max() { return max; }

	@Override
	public String toString() {
		return "n=" + count + " mean=" + mean + " std=" + std + " min=" + min + " max=" + max;
	}
}
