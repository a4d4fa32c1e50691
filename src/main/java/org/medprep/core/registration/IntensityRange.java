package org.medprep.core.registration;

/** The smallest and largest value of a level image, inside its mask when it has one. */
final class IntensityRange {

	private IntensityRange() {}

	/**
	 * @return {min, max, 1 if masked else 0}
	 * @throws IllegalArgumentException if a considered voxel is NaN or infinite
	 */
	static double[] of(final LevelImage image, final LevelImage mask) {
		return image.range(mask);
	}

	/** The scan behind {@link LevelImage#range}. */
	static double[] scan(final LevelImage image, final LevelImage mask) {
		double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		final float[] d = image.data;
		for (int i = 0; i < d.length; i++) {
			if (mask != null && mask.data[i] == 0) continue;
			final float v = d[i];
			if (!Float.isFinite(v)) throw new IllegalArgumentException("an image to register has NaN or infinite voxel values");
			if (v < min) min = v;
			if (v > max) max = v;
		}
		return new double[] { min, max, mask == null ? 0 : 1 };
	}
}
