package org.medprep.core.spatial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * Consecutive spatial steps resampled once (TorchIO v2's fused spatial
 * transforms): their plans compose into one pull-back, so a volume goes
 * through one interpolation instead of one per step, and the time of all but
 * one resampling is saved.
 * <p>
 * What step-by-step resampling would do is kept where it matters:
 * <ul>
 * <li>Label maps are read with nearest neighbour, or label mode if any step
 * asked for it, never with the image's interpolation (the mistake of MONAI's
 * lazy resampling, MONAI #6850 and #7363).</li>
 * <li>Scalar images take the highest interpolation order any step asked for
 * (crops, pads and flips land on whole voxels, so their nearest neighbour does
 * not lower it); boundary and fill of the first step apply to reading the
 * input.</li>
 * <li>Where a later step would have read outside its own input grid (a rotation
 * after a crop), the output gets that step's fill value, as step by step, and
 * not the voxels the crop removed; this holds for the constant and voxel-box
 * boundaries; for the nearest and mirror boundaries of later steps the input's
 * voxels show through there.</li>
 * </ul>
 * A step with a prefilter (anti-aliasing) starts a new resampling, a step with
 * a displacement field ends one, and a step with a separately treated coarse
 * axis is resampled alone. Results differ from step-by-step resampling by
 * interpolation error only (one interpolation instead of several), and are
 * bit-identical whatever the thread count.
 */
public final class FusedResampling {

	/** A part of the output where a later step would have read outside its input grid, and the fill it would have given there. */
	static final class Bound {
		final double[][] indexMap;
		final double[][] fieldToIndex;
		final double[] lo = new double[3], hi = new double[3];
		final float fill;

		Bound(final Grid grid, final PhysicalAffine pullBack, final Grid target, final BoundaryMode mode, final double fill) {
			final PhysicalAffine toIndex = grid.indexToPhysical().inverse().after(pullBack);
			this.indexMap = toIndex.after(target.indexToPhysical()).matrix();
			this.fieldToIndex = toIndex.matrix();
			final double margin = mode == BoundaryMode.BOX ? 0.5 : 0;
			for (int d = 0; d < 3; d++) {
				// the resampler snaps indices within 1e-9 of a whole number, so the bounds allow as much
				lo[d] = -margin - 1e-9;
				hi[d] = grid.size(d) - 1 + margin + 1e-9;
			}
			this.fill = (float) fill;
		}

		/** True if every output voxel centre maps inside (the map is affine, so the box's corners tell). */
		boolean containsAll(final Grid target) {
			for (int corner = 0; corner < 8; corner++) {
				final double[] i = new double[3];
				for (int d = 0; d < 3; d++) i[d] = (corner >> d & 1) == 0 ? 0 : target.size(d) - 1;
				for (int r = 0; r < 3; r++) {
					final double c = indexMap[r][0] * i[0] + indexMap[r][1] * i[1] + indexMap[r][2] * i[2] + indexMap[r][3];
					if (!(c >= lo[r] && c <= hi[r])) return false;
				}
			}
			return true;
		}
	}

	private final List<SpatialStep> steps;
	private final SpatialPlan plan;

	private FusedResampling(final List<SpatialStep> steps) {
		this.steps = steps;
		SpatialPlan p = steps.get(0).plan();
		for (int i = 1; i < steps.size(); i++) p = p.then(steps.get(i).plan());
		this.plan = p;
	}

	/**
	 * Splits consecutive steps into groups resampled together: a group ends
	 * after a step with a displacement field or a coarse axis, and a new one
	 * starts at a step with a prefilter or a coarse axis.
	 *
	 * @param fuse false: every step alone (step-by-step resampling)
	 * @throws IllegalArgumentException if the steps do not chain (each must read the grid the one before writes)
	 */
	public static List<FusedResampling> groups(final List<SpatialStep> steps, final boolean fuse) {
		final List<FusedResampling> groups = new ArrayList<>();
		List<SpatialStep> current = new ArrayList<>();
		for (final SpatialStep s : steps) {
			if (!current.isEmpty()) {
				final SpatialStep last = current.get(current.size() - 1);
				if (!s.plan().source().sameSpace(last.plan().target()))
					throw new IllegalArgumentException("spatial steps do not chain: a step reads " + s.plan().source() + " but the one before writes "
						+ last.plan().target());
				final boolean split = !fuse || last.field() != null || last.imageSampling().coarseAxis() >= 0 || s.prefilter() != null
					|| s.imageSampling().coarseAxis() >= 0;
				if (split) {
					groups.add(new FusedResampling(Collections.unmodifiableList(current)));
					current = new ArrayList<>();
				}
			}
			current.add(s);
		}
		if (!current.isEmpty()) groups.add(new FusedResampling(Collections.unmodifiableList(current)));
		return groups;
	}

	/** The steps of this group, in order. */
	public List<SpatialStep> steps() { return steps; }

	/** The composed plan, from the first step's source to the last step's target. */
	public SpatialPlan plan() { return plan; }

	/** The grid the group writes. */
	public Grid target() { return plan.target(); }

	/** How scalar images are read in the one resampling. */
	public Sampling imageSampling() {
		final Sampling first = steps.get(0).imageSampling();
		if (steps.size() == 1) return first;
		Interpolation best = null;
		for (final SpatialStep s : steps) best = higher(best, s.imageSampling().interpolation(), s.plan());
		return Sampling.of(best == null ? first.interpolation() : best, first.boundary(), first.fill());
	}

	/** Label mode if any step asked for it, else nearest; background 0 beyond the voxel box. */
	public Sampling labelSampling() {
		for (final SpatialStep s : steps)
			if (s.labelInterpolation() == Interpolation.LABEL) return Sampling.of(Interpolation.LABEL, BoundaryMode.BOX, 0);
		return Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, 0);
	}

	/** Resamples a scalar image (on the first step's source grid) through the whole group. */
	public Volume<? extends RealType<?>> applyToImage(final Volume<? extends RealType<?>> image) {
		if (steps.size() == 1) return steps.get(0).applyToImage(image);
		final SpatialStep first = steps.get(0);
		final Volume<? extends RealType<?>> in = first.prefilter() == null ? image : first.prefilter().apply(image);
		return resample(in, imageSampling(), false);
	}

	/** Resamples a label map (on the first step's source grid) through the whole group. */
	public Volume<? extends RealType<?>> applyToLabels(final Volume<? extends RealType<?>> labels) {
		if (steps.size() == 1) return steps.get(0).applyToLabels(labels);
		return resample(labels, labelSampling(), true);
	}

	private Volume<? extends RealType<?>> resample(final Volume<? extends RealType<?>> volume, final Sampling sampling, final boolean labels) {
		plan.requireOnSource(volume);
		final SpatialStep last = steps.get(steps.size() - 1);
		return Resampler.resample(volume, plan.target(), plan.pullBack(), last.field(), sampling, bounds(labels));
	}

	/** The later steps' grids, latest first (the last step to read outside decides the value). */
	List<Bound> bounds(final boolean labels) {
		final List<Bound> bounds = new ArrayList<>();
		final Grid target = plan.target();
		final boolean field = steps.get(steps.size() - 1).field() != null;
		for (int k = steps.size() - 1; k >= 1; k--) {
			final SpatialStep s = steps.get(k);
			final BoundaryMode mode = labels ? BoundaryMode.BOX : s.imageSampling().boundary();
			if (mode != BoundaryMode.BOX && mode != BoundaryMode.CONSTANT) continue;
			SpatialPlan rest = s.plan();
			for (int j = k + 1; j < steps.size(); j++) rest = rest.then(steps.get(j).plan());
			final Bound b = new Bound(s.plan().source(), rest.pullBack(), target, mode, labels ? 0 : s.imageSampling().fill());
			if (field || !b.containsAll(target)) bounds.add(b);
		}
		return bounds;
	}

	/** The higher of two interpolations; a step that lands on whole voxels (crop, pad, flip) does not count. */
	private static Interpolation higher(final Interpolation best, final Interpolation candidate, final SpatialPlan plan) {
		if (landsOnVoxels(plan)) return best;
		if (best == null) return candidate;
		return rank(candidate) > rank(best) ? candidate : best;
	}

	private static int rank(final Interpolation i) {
		switch (i) {
			case NEAREST: return 0;
			case LABEL: return 1;
			case LINEAR: return 2;
			default: return 3;
		}
	}

	/** True if every target voxel centre reads a source voxel centre (the index map is a signed permutation plus whole shifts). */
	static boolean landsOnVoxels(final SpatialPlan plan) {
		final double[][] m = plan.source().indexToPhysical().inverse().after(plan.pullBack()).after(plan.target().indexToPhysical()).matrix();
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 4; c++) {
				final double v = m[r][c];
				if (Math.abs(v - Math.rint(v)) > 1e-9) return false;
				if (c < 3 && Math.abs(v) > 1 + 1e-9) return false;
			}
		}
		return true;
	}

	@Override
	public String toString() {
		return "FusedResampling" + steps;
	}
}
