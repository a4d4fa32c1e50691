package org.medprep.core.registration;

import java.util.Collections;
import java.util.List;

import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;

import net.imglib2.type.numeric.RealType;

/**
 * The outcome of a registration: the transform from fixed to moving patient
 * coordinates, and as a {@link SpatialPlan} from the moving grid onto the fixed
 * grid, which resamples the moving image (or anything on its grid, a label
 * map) onto the fixed image, composes with other spatial steps and inverts.
 * Immutable.
 */
public final class RegistrationResult {

	/** What one pyramid level did. */
	public static final class Level {
		private final int iterations;
		private final double finalValue, gain;
		private final long[] fixedSize;

		Level(final int iterations, final double finalValue, final double gain, final long[] fixedSize) {
			this.iterations = iterations;
			this.finalValue = finalValue;
			this.gain = gain;
			this.fixedSize = fixedSize.clone();
		}

		public int iterations() { return iterations; }
		/** The cost at the last iteration (on that iteration's points). */
		public double finalValue() { return finalValue; }
		/** The estimated gain {@code a} of the optimizer. */
		public double gain() { return gain; }
		public long[] fixedSize() { return fixedSize.clone(); }
	}

	private final ParametricTransform initial, transform;
	private final Grid fixedGrid, movingGrid;
	private final RegistrationSettings settings;
	private final List<Level> levels;

	RegistrationResult(final ParametricTransform initial, final ParametricTransform transform, final Grid fixedGrid, final Grid movingGrid,
		final RegistrationSettings settings, final List<Level> levels)
	{
		this.initial = initial;
		this.transform = transform;
		this.fixedGrid = fixedGrid;
		this.movingGrid = movingGrid;
		this.settings = settings;
		this.levels = Collections.unmodifiableList(levels);
	}

	/** The estimated transform (fixed mm to moving mm). */
	public ParametricTransform transform() { return transform; }
	/** Where the optimization started. */
	public ParametricTransform initial() { return initial; }
	public Grid fixedGrid() { return fixedGrid; }
	public Grid movingGrid() { return movingGrid; }
	public RegistrationSettings settings() { return settings; }
	public List<Level> levels() { return levels; }

	/** The transform as a pull-back affine (fixed mm to moving mm). */
	public PhysicalAffine pullBack() {
		return transform.affine();
	}

	/** The resampling from the moving grid onto the fixed grid. */
	public SpatialPlan plan() {
		return SpatialPlan.of(movingGrid, fixedGrid, pullBack());
	}

	/** Resamples an image on the moving grid onto the fixed grid. */
	public Volume<? extends RealType<?>> resample(final Volume<? extends RealType<?>> onMovingGrid, final Sampling sampling) {
		return plan().apply(onMovingGrid, sampling);
	}
}
