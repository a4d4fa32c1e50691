package org.medprep.core.intensity;

import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.Percentiles;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Clips every voxel to the [low, high] percentiles of the selected voxels
 * (numpy's linear percentile definition), the robust outlier clip used before
 * MR normalization.
 */
public final class PercentileClip {

	private final double low;
	private final double high;

	/** @throws IllegalArgumentException unless 0 <= low < high <= 100 */
	public PercentileClip(final double low, final double high) {
		if (!(low >= 0 && low <= 100) || !(high >= 0 && high <= 100))
			throw new IllegalArgumentException("percentiles must be within [0, 100], got low=" + low + " high=" + high);
		if (!(low < high)) throw new IllegalArgumentException("low percentile (" + low + ") must be below high (" + high + ")");
		this.low = low;
		this.high = high;
	}

	/** The clip limits for this volume: the low and high percentiles of the selection. */
	public double[] limits(final Volume<? extends RealType<?>> volume, final VoxelSelection selection) {
		return Percentiles.of(volume.data(), selection, low, high);
	}

	public Volume<FloatType> apply(final Volume<? extends RealType<?>> volume, final VoxelSelection selection) {
		final double[] limits = limits(volume, selection);
		return new IntensityClip(limits[0], limits[1]).apply(volume);
	}
}
