package org.medprep.core.spatial;

import java.util.function.UnaryOperator;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * One spatial step as a subject applies it to all its members: the plan, an
 * optional displacement field on the plan's target grid, how scalar images
 * are read, how label maps are read (nearest or label mode, never the
 * image's interpolation, background 0 outside), and an optional filter run
 * on scalar images before resampling (anti-aliasing before downsampling).
 * Immutable.
 * <p>
 * Consecutive steps of a subject are resampled together, once (see
 * {@link FusedResampling}); a step with a prefilter starts a new resampling,
 * a step with a field ends one, and a step with a separately treated coarse
 * axis is resampled alone. An {@link #identity} step (a random step that was
 * not applied) resamples nothing and does not split a fused group.
 */
public final class SpatialStep {

	private final SpatialPlan plan;
	private final DisplacementField field;
	private final Sampling imageSampling;
	private final Interpolation labelInterpolation;
	private final UnaryOperator<Volume<? extends RealType<?>>> prefilter;

	private SpatialStep(final SpatialPlan plan, final DisplacementField field, final Sampling imageSampling, final Interpolation labelInterpolation,
		final UnaryOperator<Volume<? extends RealType<?>>> prefilter)
	{
		this.plan = plan;
		this.field = field;
		this.imageSampling = imageSampling;
		this.labelInterpolation = labelInterpolation;
		this.prefilter = prefilter;
	}

	/**
	 * @param field displacement on the plan's target grid, or null
	 * @param labelInterpolation nearest or label
	 * @throws IllegalArgumentException if the label interpolation could invent values, or the field is not on the target grid
	 */
	public static SpatialStep of(final SpatialPlan plan, final DisplacementField field, final Sampling imageSampling, final Interpolation labelInterpolation) {
		if (plan == null || imageSampling == null || labelInterpolation == null)
			throw new IllegalArgumentException("a spatial step needs a plan, an image sampling and a label interpolation");
		if (!labelInterpolation.preservesLabels())
			throw new IllegalArgumentException("label maps need nearest or label interpolation, got " + labelInterpolation.label());
		if (field != null && !field.grid().sameSpace(plan.target()))
			throw new IllegalArgumentException("the displacement field is defined on " + field.grid() + ", not on the step's output grid " + plan.target());
		return new SpatialStep(plan, field, imageSampling, labelInterpolation, null);
	}

	/** A step without a field. */
	public static SpatialStep of(final SpatialPlan plan, final Sampling imageSampling, final Interpolation labelInterpolation) {
		return of(plan, null, imageSampling, labelInterpolation);
	}

	/** A step that changes nothing on {@code grid}: what a random spatial step does when it is not applied. */
	public static SpatialStep identity(final Grid grid, final Sampling imageSampling, final Interpolation labelInterpolation) {
		return of(SpatialPlan.identity(grid), imageSampling, labelInterpolation);
	}

	/** True if the step changes nothing: the same grid out as in, the identity pull-back, no field, no prefilter. */
	public boolean isIdentity() {
		return field == null && prefilter == null && plan.source().equals(plan.target()) && plan.pullBack().isIdentity(0);
	}

	/** With a filter applied to each scalar image (on the step's source grid) before it is resampled. */
	public SpatialStep withPrefilter(final UnaryOperator<Volume<? extends RealType<?>>> filter) {
		return new SpatialStep(plan, field, imageSampling, labelInterpolation, filter);
	}

	public SpatialPlan plan() { return plan; }
	/** The displacement field, or null. */
	public DisplacementField field() { return field; }
	public Sampling imageSampling() { return imageSampling; }
	public Interpolation labelInterpolation() { return labelInterpolation; }
	/** The filter applied to scalar images first, or null. */
	public UnaryOperator<Volume<? extends RealType<?>>> prefilter() { return prefilter; }

	/** How label maps are read: the label interpolation, background 0 beyond the voxel box. */
	public Sampling labelSampling() {
		return Sampling.of(labelInterpolation, BoundaryMode.BOX, 0);
	}

	/** Resamples one scalar image by this step alone. */
	public Volume<? extends RealType<?>> applyToImage(final Volume<? extends RealType<?>> image) {
		final Volume<? extends RealType<?>> in = prefilter == null ? image : prefilter.apply(image);
		return plan.apply(in, field, imageSampling);
	}

	/** Resamples one label map by this step alone. */
	public Volume<? extends RealType<?>> applyToLabels(final Volume<? extends RealType<?>> labels) {
		return plan.apply(labels, field, labelSampling());
	}

	@Override
	public String toString() {
		return "SpatialStep[" + plan + (field != null ? ", with a displacement field" : "") + ", images " + imageSampling + ", labels "
			+ labelInterpolation.label() + "]";
	}
}
