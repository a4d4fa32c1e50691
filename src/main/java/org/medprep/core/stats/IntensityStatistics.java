package org.medprep.core.stats;

import java.util.List;

import org.medprep.core.Planes;
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
		final List<double[]> first = Planes.scan(image, selection.maskImage(), (z, v, m) -> {
			double sum = 0, lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
			long n = 0;
			for (int i = 0; i < v.length; i++) {
				if (!selection.test(v[i], m, i)) continue;
				final double x = v[i];
				sum += x;
				n++;
				if (x < lo) lo = x;
				if (x > hi) hi = x;
			}
			return new double[] { n, sum, lo, hi };
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
		final List<Double> second = Planes.scan(image, selection.maskImage(), (z, v, m) -> {
			double ss = 0;
			for (int i = 0; i < v.length; i++) {
				if (!selection.test(v[i], m, i)) continue;
				final double d = v[i] - mean;
				ss += d * d;
			}
			return ss;
		});
		double ss = 0;
		for (final double s : second) ss += s;
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
