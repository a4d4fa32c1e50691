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
 * axis is resampled alone. Identity steps (random steps not applied) are left
 * out. Steps at the end of a group that only copy voxels (flips, crops inside
 * the grid: whole-voxel axis maps) are applied after the one interpolation, as
 * a copy, so they give exactly what they give step by step. Results differ
 * from step-by-step resampling by interpolation error only (one interpolation
 * instead of several), and are bit-identical whatever the thread count.
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
	 * starts at a step with a prefilter or a coarse axis. Identity steps are
	 * left out (no group for them alone).
	 *
	 * @param fuse false: every step alone (step-by-step resampling)
	 * @throws IllegalArgumentException if the steps do not chain (each must read the grid the one before writes)
	 */
	public static List<FusedResampling> groups(final List<SpatialStep> steps, final boolean fuse) {
		final List<FusedResampling> groups = new ArrayList<>();
		List<SpatialStep> current = new ArrayList<>();
		Grid last = null;
		for (final SpatialStep s : steps) {
			if (last != null && !s.plan().source().sameSpace(last))
				throw new IllegalArgumentException("spatial steps do not chain: a step reads " + s.plan().source() + " but the one before writes " + last);
			last = s.plan().target();
			if (s.isIdentity()) continue;
			if (!current.isEmpty()) {
				final SpatialStep before = current.get(current.size() - 1);
				final boolean split = !fuse || before.field() != null || before.imageSampling().coarseAxis() >= 0 || s.prefilter() != null
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
		final int k = copiedTail();
		if (k < steps.size()) return copy(k, new FusedResampling(steps.subList(0, k)).applyToImage(image));
		final SpatialStep first = steps.get(0);
		final Volume<? extends RealType<?>> in = first.prefilter() == null ? image : first.prefilter().apply(image);
		return resample(in, imageSampling(), false);
	}

	/** Resamples a label map (on the first step's source grid) through the whole group. */
	public Volume<? extends RealType<?>> applyToLabels(final Volume<? extends RealType<?>> labels) {
		if (steps.size() == 1) return steps.get(0).applyToLabels(labels);
		final int k = copiedTail();
		if (k < steps.size()) return copy(k, new FusedResampling(steps.subList(0, k)).applyToLabels(labels));
		return resample(labels, labelSampling(), true);
	}

	/**
	 * Where the steps that only copy voxels begin at the end of the group: the
	 * first index of the longest tail of whole-voxel axis maps each landing
	 * inside its input through the rest of the tail (so none reads outside its
	 * grid), after steps that do interpolate. The size of the group if there
	 * is no such tail (or nothing before it interpolates).
	 */
	private int copiedTail() {
		final int n = steps.size();
		int k = n;
		SpatialPlan tail = null;
		for (int j = n - 1; j >= 1; j--) {
			final SpatialStep s = steps.get(j);
			if (s.field() != null || s.prefilter() != null || s.imageSampling().coarseAxis() >= 0) break;
			final SpatialPlan candidate = tail == null ? s.plan() : s.plan().then(tail);
			if (!AxisAlignedCopy.copies(s.plan()) || !AxisAlignedCopy.copies(candidate)) break;
			tail = candidate;
			k = j;
		}
		if (k == n) return n;
		SpatialPlan head = steps.get(0).plan();
		for (int j = 1; j < k; j++) head = head.then(steps.get(j).plan());
		return AxisAlignedCopy.copies(head) ? n : k;
	}

	/** Steps {@code k..} applied to the result of the ones before: a copy of whole voxels. */
	private Volume<? extends RealType<?>> copy(final int k, final Volume<? extends RealType<?>> head) {
		SpatialPlan tail = steps.get(k).plan();
		for (int j = k + 1; j < steps.size(); j++) tail = tail.then(steps.get(j).plan());
		return tail.apply(head, Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, 0));
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
