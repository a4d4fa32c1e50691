package org.medprep.core.normalize;

import java.util.List;

import org.medprep.core.Planes;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Histograms of several images' foregrounds on one common set of bins, as
 * densities (each integrates to 1 over the bins, like numpy's
 * {@code histogram(density=True)}), so cohorts of different sizes overlay.
 * Values outside [min, max] are not counted; the last bin includes max.
 */
public final class IntensityHistograms {

	private final double min;
	private final double max;
	private final double[][] densities;

	private IntensityHistograms(final double min, final double max, final double[][] densities) {
		this.min = min;
		this.max = max;
		this.densities = densities;
	}

	/**
	 * @param min lower edge, or NaN for the smallest selected value over all images
	 * @param max upper edge, or NaN for the largest
	 * @throws IllegalArgumentException for no images, bins &lt; 1, an empty selection or an empty range
	 */
	public static IntensityHistograms of(final List<? extends RandomAccessibleInterval<? extends RealType<?>>> images,
		final List<VoxelSelection> selections, final int bins, final double min, final double max)
	{
		if (images.isEmpty()) throw new IllegalArgumentException("no images to histogram");
		if (selections.size() != images.size()) throw new IllegalArgumentException("one selection per image is needed");
		if (bins < 1) throw new IllegalArgumentException("histogram bins must be >= 1, got " + bins);
		double lo = min, hi = max;
		if (Double.isNaN(lo) || Double.isNaN(hi)) {
			double a = Double.POSITIVE_INFINITY, b = Double.NEGATIVE_INFINITY;
			for (int k = 0; k < images.size(); k++) {
				final IntensityStatistics s = IntensityStatistics.of(images.get(k), selections.get(k));
				a = Math.min(a, s.min());
				b = Math.max(b, s.max());
			}
			if (Double.isNaN(lo)) lo = a;
			if (Double.isNaN(hi)) hi = b;
		}
		if (!(hi > lo)) throw new IllegalArgumentException("histogram range is empty: [" + lo + ", " + hi + "]");
		final double from = lo, width = (hi - lo) / bins;
		final double to = hi;
		final double[][] densities = new double[images.size()][];
		for (int k = 0; k < images.size(); k++) {
			final VoxelSelection sel = selections.get(k);
			final List<long[]> planes = Planes.map(images.get(k), sel.maskImage(), (z, v, m) -> {
				final long[] h = new long[bins];
				for (int i = 0; i < v.length; i++) {
					if (!sel.test(v[i], m, i) || v[i] < from || v[i] > to) continue;
					h[Math.min(bins - 1, (int) ((v[i] - from) / width))]++;
				}
				return h;
			});
			final double[] d = new double[bins];
			double total = 0;
			for (final long[] h : planes)
				for (int b = 0; b < bins; b++) {
					d[b] += h[b];
					total += h[b];
				}
			if (total > 0) for (int b = 0; b < bins; b++) d[b] /= total * width;
			densities[k] = d;
		}
		return new IntensityHistograms(lo, hi, densities);
	}

	public double min() { return min; }
	public double max() { return max; }
	public int bins() { return densities[0].length; }
	public int count() { return densities.length; }

	/** Density of image k, one value per bin. */
	public double[] density(final int k) { return densities[k].clone(); }

	/** Centre of bin b. */
	public double binCentre(final int b) {
		return min + (b + 0.5) * (max - min) / bins();
	}
}
