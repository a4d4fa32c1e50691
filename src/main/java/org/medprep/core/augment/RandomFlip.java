package org.medprep.core.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Flip;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialPlan;

/** Flips each axis with its own probability. */
public final class RandomFlip implements RandomSpatialTransform {

	private final double[] probability;

	/** @throws IllegalArgumentException if a probability is outside [0, 1] */
	public RandomFlip(final double px, final double py, final double pz) {
		this.probability = new double[] {
			RandomSpatialTransform.requireProbability("flip probability along x", px),
			RandomSpatialTransform.requireProbability("flip probability along y", py),
			RandomSpatialTransform.requireProbability("flip probability along z", pz) };
	}

	@Override
	public Draw draw(final Subject subject, final SplittableRandom random) {
		final boolean[] f = new boolean[3];
		for (int d = 0; d < 3; d++) f[d] = random.nextDouble() < probability[d];
		return new Draw(f[0], f[1], f[2]);
	}

	/** Which axes flip. */
	public static final class Draw implements SpatialDraw {
		private final Flip flip;
		private final boolean[] axes;

		public Draw(final boolean x, final boolean y, final boolean z) {
			this.flip = new Flip(x, y, z);
			this.axes = new boolean[] { x, y, z };
		}

		@Override
		public SpatialPlan plan(final Grid source) {
			return flip.plan(source);
		}

		@Override
		public History.Step record(final History.Step step) {
			return step.withDrawn("flip", "[" + axes[0] + "," + axes[1] + "," + axes[2] + "]");
		}

		@Override
		public String toString() {
			return "Random Flip axes=" + Arrays.toString(axes);
		}
	}
}
