package org.medprep.core.spatial;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * One resampling, not yet done: the grid it reads ({@code source}), the grid
 * it writes ({@code target}) and the pull-back affine from target mm to source
 * mm. Plans compose ({@link #then}) into a single resampling and invert
 * ({@link #inverse}) to bring a result back onto the source grid. Immutable.
 */
public final class SpatialPlan {

	private static final double SAME_SPACE_MM = 1e-6;

	private final Grid source;
	private final Grid target;
	private final PhysicalAffine pullBack;

	private SpatialPlan(final Grid source, final Grid target, final PhysicalAffine pullBack) {
		this.source = source;
		this.target = target;
		this.pullBack = pullBack;
	}

	public static SpatialPlan of(final Grid source, final Grid target, final PhysicalAffine pullBack) {
		if (source == null || target == null || pullBack == null) throw new IllegalArgumentException("plan needs a source grid, a target grid and an affine");
		return new SpatialPlan(source, target, pullBack);
	}

	/** Nothing changes. */
	public static SpatialPlan identity(final Grid grid) {
		return of(grid, grid, PhysicalAffine.identity());
	}

	/**
	 * A plan given in voxel indices: the target index {@code i} reads the source
	 * at index {@code indexMap(i)}.
	 */
	public static SpatialPlan fromIndexMap(final Grid source, final Grid target, final PhysicalAffine indexMap) {
		return of(source, target, source.indexToPhysical().after(indexMap).after(target.indexToPhysical().inverse()));
	}

	/** A sub-grid (or larger grid) of the source starting at {@code start} (may be negative: padding), same spacing and direction. */
	public static SpatialPlan window(final Grid source, final long[] start, final long[] size) {
		final Geometry g = source.geometry();
		final double[] origin = g.indexToPhysical(new double[] { start[0], start[1], start[2] });
		return of(source, Grid.of(size, g.withOrigin(origin)), PhysicalAffine.identity());
	}

	public Grid source() { return source; }
	public Grid target() { return target; }
	public PhysicalAffine pullBack() { return pullBack; }

	/**
	 * This plan followed by {@code next} (which must read this plan's target
	 * grid), as one resampling from this source to next's target.
	 * @throws IllegalArgumentException if the grids do not chain
	 */
	public SpatialPlan then(final SpatialPlan next) {
		if (!next.source.sameSpace(target, SAME_SPACE_MM))
			throw new IllegalArgumentException("plans do not chain: the next step reads " + next.source + " but this one writes " + target);
		return new SpatialPlan(source, next.target, pullBack.after(next.pullBack));
	}

	/** The plan that brings the target grid back onto the source grid. */
	public SpatialPlan inverse() {
		return new SpatialPlan(target, source, pullBack.inverse());
	}

	/** Resamples {@code volume} (which must lie on the source grid). */
	public Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> volume, final Sampling sampling) {
		return apply(volume, null, sampling);
	}

	/** With a displacement field on the target grid, added after the affine. */
	public Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> volume, final DisplacementField field, final Sampling sampling) {
		requireOnSource(volume);
		return Resampler.resample(volume, target, pullBack, field, sampling);
	}

	void requireOnSource(final Volume<?> volume) {
		if (!Grid.of(volume).sameSpace(source, SAME_SPACE_MM))
			throw new IllegalArgumentException("the volume " + Grid.of(volume) + " is not on the plan's source grid " + source);
	}

	@Override
	public String toString() {
		return "SpatialPlan[" + source + " -> " + target + ", pull-back " + pullBack + "]";
	}
}
