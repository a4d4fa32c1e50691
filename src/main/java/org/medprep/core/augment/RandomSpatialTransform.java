package org.medprep.core.augment;

import java.util.SplittableRandom;

import org.medprep.core.Subject;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.SpatialStep;

/**
 * A random spatial transform: {@link #draw} picks concrete parameters from an
 * explicit generator (never a global one), {@link #apply} applies them to a
 * whole subject. Same seed, same draw, bit-identical output whatever the
 * thread count.
 */
public interface RandomSpatialTransform {

	/** Draws concrete parameters for this subject. */
	SpatialDraw draw(Subject subject, SplittableRandom random);

	/** Draws with {@code new SplittableRandom(seed)} and applies. */
	default Subject apply(final Subject subject, final long seed, final Sampling imageSampling, final Interpolation labelInterpolation) {
		return apply(subject, draw(subject, new SplittableRandom(seed)), imageSampling, labelInterpolation);
	}

	/** Applies a draw to every member of the subject (noted, resampled when voxels are read; see {@link Subject#transform}). */
	static Subject apply(final Subject subject, final SpatialDraw draw, final Sampling imageSampling, final Interpolation labelInterpolation) {
		return subject.transform(step(subject.grid(), draw, imageSampling, labelInterpolation));
	}

	/** The spatial step of a draw for a subject on {@code grid}. */
	static SpatialStep step(final Grid grid, final SpatialDraw draw, final Sampling imageSampling, final Interpolation labelInterpolation) {
		final SpatialPlan plan = draw.plan(grid);
		return SpatialStep.of(plan, draw.field(plan.target()), imageSampling, labelInterpolation);
	}

	/** @throws IllegalArgumentException unless 0 <= p <= 1 */
	static double requireProbability(final String what, final double p) {
		if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException(what + " must be a probability in [0, 1], got " + p);
		return p;
	}

	/** Uniform in [lo, hi]. */
	static double uniform(final SplittableRandom random, final double lo, final double hi) {
		return lo + (hi - lo) * random.nextDouble();
	}
}
