package org.medprep.core.augment;

import org.medprep.core.Labelled;
import java.util.Arrays;
import java.util.SplittableRandom;

import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Rotate;
import org.medprep.core.spatial.SpatialPlan;

/**
 * Random 3D rotation about the centre, resampled into the input grid.
 * {@link Mode#PER_AXIS}: an angle uniform in [-max, max] about each axis.
 * {@link Mode#ONE_PLANE}: as the tutorial, one axis picked at random (among
 * those with a non-zero maximum) and one angle about it.
 */
public final class RandomRotate implements RandomSpatialTransform {

	/** An angle per axis, or one rotation in one random plane. */
	public enum Mode implements Labelled {
		PER_AXIS("per axis"),
		ONE_PLANE("one plane");

		private final String label;

		Mode(final String label) { this.label = label; }

		@Override
		public String label() { return label; }
	}

	private final double[] maxDegrees;
	private final Mode mode;

	/** @throws IllegalArgumentException if a maximum is negative */
	public RandomRotate(final double[] maxDegrees, final Mode mode) {
		this.maxDegrees = RandomAffine.nonNegative("maximum rotation (degrees)", maxDegrees);
		if (mode == null) throw new IllegalArgumentException("rotation mode must not be null");
		this.mode = mode;
	}

	@Override
	public Draw draw(final Subject subject, final SplittableRandom random) {
		final double[] a = new double[3];
		if (mode == Mode.PER_AXIS) {
			for (int d = 0; d < 3; d++) a[d] = RandomSpatialTransform.uniform(random, -maxDegrees[d], maxDegrees[d]);
		} else {
			int candidates = 0;
			for (int d = 0; d < 3; d++) if (maxDegrees[d] > 0) candidates++;
			if (candidates > 0) {
				int pick = random.nextInt(candidates);
				for (int d = 0; d < 3; d++) {
					if (maxDegrees[d] > 0 && pick-- == 0) a[d] = RandomSpatialTransform.uniform(random, -maxDegrees[d], maxDegrees[d]);
				}
			}
		}
		return new Draw(a);
	}

	/** Concrete angles (degrees) about x, y, z. */
	public static final class Draw implements SpatialDraw {
		private final double[] degrees;

		public Draw(final double[] degrees) {
			this.degrees = degrees.clone();
		}

		@Override
		public SpatialPlan plan(final Grid source) {
			return new Rotate(degrees[0], degrees[1], degrees[2]).plan(source);
		}

		@Override
		public History.Step record(final History.Step step) {
			return step.withDrawn("degrees", degrees);
		}

		@Override
		public String toString() {
			return "Random Rotate 3D degrees=" + Arrays.toString(degrees);
		}
	}
}
