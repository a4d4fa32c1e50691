package org.medprep.core.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Shift;
import org.medprep.core.spatial.SpatialPlan;

/** Shift by a fraction of the image size, uniform in [-f, f] of the extent along each axis. */
public final class RandomShift implements RandomSpatialTransform {

	private final double[] maxFraction;

	/** @throws IllegalArgumentException if a fraction is outside [0, 1] */
	public RandomShift(final double[] maxFraction) {
		if (maxFraction == null || maxFraction.length != 3) throw new IllegalArgumentException("shift fraction needs 3 values (x, y, z)");
		for (final double f : maxFraction) RandomSpatialTransform.requireProbability("shift fraction of the size", f);
		this.maxFraction = maxFraction.clone();
	}

	@Override
	public Draw draw(final Subject subject, final SplittableRandom random) {
		final Grid g = subject.grid();
		final double[] mm = new double[3];
		for (int d = 0; d < 3; d++) {
			final double extent = g.size(d) * g.geometry().spacing(d);
			mm[d] = RandomSpatialTransform.uniform(random, -maxFraction[d], maxFraction[d]) * extent;
		}
		return new Draw(mm);
	}

	public static final class Draw implements SpatialDraw {
		private final double[] mm;

		public Draw(final double[] mm) {
			this.mm = mm.clone();
		}

		@Override
		public SpatialPlan plan(final Grid source) {
			return new Shift(mm).plan(source);
		}

		@Override
		public History.Step record(final History.Step step) {
			return step.withDrawn("shift_mm", mm);
		}

		@Override
		public String toString() {
			return "Random Shift mm=" + Arrays.toString(mm);
		}
	}
}
