package org.medprep.core.normalize;

import org.medprep.core.FloatKernels;
import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * (x - mean) / std with the mean and population standard deviation of the
 * selected voxels, applied to every voxel (TorchIO ZNormalization with a
 * masking method; MONAI NormalizeIntensity).
 */
public final class ZScoreNormalization {

	private ZScoreNormalization() {}

	/** @throws IllegalArgumentException if the selection is empty or constant */
	public static Volume<FloatType> apply(final Volume<? extends RealType<?>> volume, final VoxelSelection selection) {
		final IntensityStatistics stats = IntensityStatistics.of(volume.data(), selection);
		if (!(stats.std() > 0))
			throw new IllegalArgumentException("cannot z-score: the intensity of " + selection.describe() + " is constant (" + stats.mean() + ")");
		return standardize(volume, stats.mean(), stats.std());
	}

	/** (x - mean) / std with given values, e.g. a cohort's. */
	public static Volume<FloatType> standardize(final Volume<? extends RealType<?>> volume, final double mean, final double std) {
		if (!(std > 0)) throw new IllegalArgumentException("standard deviation must be > 0, got " + std);
		final double inv = 1 / std;
		return volume.withData(Planes.mapFloats(volume.data(), (in, n, out, at) -> {
			for (int i = 0; i < n; i++) out[at + i] = (float) ((in[i] - mean) * inv);
		}, (in, out) -> FloatKernels.scaled(in, out, mean, inv, FloatKernels.UNROLLED))).withMetadata(Volume.UNITS, null);
	}
}
