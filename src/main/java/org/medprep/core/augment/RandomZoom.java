package org.medprep.core.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Zoom;

/** Zoom about the centre by a factor uniform in [min, max], one for all axes (isotropic) or one per axis. */
public final class RandomZoom implements RandomSpatialTransform {

	private final double min, max;
	private final boolean isotropic;

	/** @throws IllegalArgumentException unless 0 < min <= max */
	public RandomZoom(final double min, final double max, final boolean isotropic) {
		if (!(min > 0 && min <= max) || !Double.isFinite(max))
			throw new IllegalArgumentException("zoom range must satisfy 0 < min <= max, got [" + min + ", " + max + "]");
		this.min = min;
		this.max = max;
		this.isotropic = isotropic;
	}

	@Override
	public Draw draw(final Subject subject, final SplittableRandom random) {
		final double[] f = new double[3];
		for (int d = 0; d < 3; d++) f[d] = RandomSpatialTransform.uniform(random, min, max);
		if (isotropic) f[1] = f[2] = f[0];
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
