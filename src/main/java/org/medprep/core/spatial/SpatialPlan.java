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
		if (!next.source.sameSpace(target))
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
		if (!Grid.of(volume).sameSpace(source))
			throw new IllegalArgumentException("the volume " + Grid.of(volume) + " is not on the plan's source grid " + source);
	}

	/**
	 * One line, every number round-trippable:
	 * {@code source <grid> target <grid> pullback <12 numbers>}, a grid being
	 * 18 numbers (size, spacing, origin, direction row by row) and the
	 * pull-back the top 3x4 block of its matrix, row by row.
	 */
	public String toText() {
		final StringBuilder sb = new StringBuilder("source ").append(source.toText());
		sb.append(" target ").append(target.toText()).append(" pullback");
		for (final double[] row : pullBack.matrix())
			for (final double v : row) sb.append(' ').append(Grid.number(v));
		return sb.toString();
	}

	/**
	 * Reads {@link #toText()}.
	 * @throws IllegalArgumentException saying what is malformed
	 */
	public static SpatialPlan parse(final String text) {
		final String[] t = text.trim().split("\\s+");
		if (t.length != 1 + 18 + 1 + 18 + 1 + 12 || !t[0].equals("source") || !t[19].equals("target") || !t[38].equals("pullback"))
			throw new IllegalArgumentException("expected 'source <18 numbers> target <18 numbers> pullback <12 numbers>'");
		try {
			final Grid source = Grid.parse(t, 1), target = Grid.parse(t, 20);
			final double[][] m = new double[3][4];
			for (int i = 0; i < 12; i++) m[i / 4][i % 4] = Double.parseDouble(t[39 + i]);
			return of(source, target, PhysicalAffine.of(m));
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("not a number: " + e.getMessage());
		}
	}

	@Override
	public String toString() {
		return "SpatialPlan[" + source + " -> " + target + ", pull-back " + pullBack + "]";
	}
}
