package org.medprep.core.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Zoom;

/**
 * Zoom about the centre by a factor uniform in [min, max], one for all axes
 * (isotropic) or one per axis. With {@code samplingScale}, the drawn number
 * scales the sampling grid instead, so the content is zoomed by its inverse:
 * nnU-Net's {@code SpatialTransform(scaling=(0.7, 1.4))}
 * (batchgeneratorsv2/transforms/spatial/spatial.py: "larger numbers = smaller
 * objects"), whose uniform draw is of the grid scale, not of the zoom.
 */
public final class RandomZoom implements RandomSpatialTransform {

	private final double min, max;
	private final boolean isotropic, samplingScale;

	/** @throws IllegalArgumentException unless 0 < min <= max */
	public RandomZoom(final double min, final double max, final boolean isotropic) {
		this(min, max, isotropic, false);
	}

	/** @throws IllegalArgumentException unless 0 < min <= max */
	public RandomZoom(final double min, final double max, final boolean isotropic, final boolean samplingScale) {
		if (!(min > 0 && min <= max) || !Double.isFinite(max))
			throw new IllegalArgumentException("zoom range must satisfy 0 < min <= max, got [" + min + ", " + max + "]");
		this.min = min;
		this.max = max;
		this.isotropic = isotropic;
		this.samplingScale = samplingScale;
	}

	@Override
	public Draw draw(final Subject subject, final SplittableRandom random) {
		final double[] f = new double[3];
		for (int d = 0; d < 3; d++) f[d] = RandomSpatialTransform.uniform(random, min, max);
		if (isotropic) f[1] = f[2] = f[0];
		if (samplingScale) for (int d = 0; d < 3; d++) f[d] = 1 / f[d];
		return new Draw(f);
	}

	public static final class Draw implements SpatialDraw {
		private final double[] factors;

		public Draw(final double[] factors) {
			this.factors = factors.clone();
		}

		@Override
		public SpatialPlan plan(final Grid source) {
			return new Zoom(factors).plan(source);
		}

		@Override
		public History.Step record(final History.Step step) {
			return step.withDrawn("factors", factors);
		}

		@Override
		public String toString() {
			return "Random Zoom factors=" + Arrays.toString(factors);
		}
	}
}
