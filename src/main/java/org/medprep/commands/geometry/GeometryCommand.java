package org.medprep.commands.geometry;

import org.medprep.commands.ImagePlusVolumes;

import org.medprep.commands.SpatialCommand;
import org.medprep.core.augment.Subject;
import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialChain;
import org.medprep.core.spatial.SpatialPlan;

import net.imglib2.type.numeric.RealType;

/**
 * A deterministic spatial command: plans the step, resamples once, and
 * appends the plan to the output's spatial history (property
 * {@value #CHAIN_PROPERTY}, carried from the input), so that
 * {@code Invert Spatial History} can bring results back onto the original grid.
 */
public abstract class GeometryCommand extends SpatialCommand {

	/** The image property holding {@link SpatialChain#toText()}. */
	public static final String CHAIN_PROPERTY = ImagePlusVolumes.SPATIAL_CHAIN_PROPERTY;

	private SpatialPlan lastPlan;

	/** The step for this input. */
	protected abstract SpatialPlan plan(Volume<? extends RealType<?>> in);

	/** How the pixels are read. */
	protected abstract Sampling sampling();

	/** Resamples {@code in} with the plan; override to add work (e.g. anti-aliasing). */
	protected Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> in, final SpatialPlan plan) {
		return plan.apply(in, sampling());
	}

	@Override
	protected final Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		final Subject subject = subject(in);
		final SpatialPlan plan = plan(in);
		lastPlan = plan;
		final Volume<? extends RealType<?>> out = apply(in, plan);
		// the label map follows the same plan, never smoothed nor interpolated into new values
		for (final Volume<? extends RealType<?>> labels : subject.labels().values()) setLabelResult(plan.apply(labels, labelSampling()));
		return out;
	}

	@Override
	public void run() {
		super.run();
		if (result == null || lastPlan == null) return;
		SpatialChain chain = SpatialChain.parse(image.getProp(CHAIN_PROPERTY));
		// a chain that does not end on this input's grid (edited outside MedPrep) restarts here
		if (!chain.isEmpty() && !chain.plans().get(chain.plans().size() - 1).target().sameSpace(lastPlan.source(), 1e-6)) chain = SpatialChain.empty();
		result.setProp(CHAIN_PROPERTY, chain.then(lastPlan).toText());
		if (label_result != null) label_result.setProp(CHAIN_PROPERTY, result.getProp(CHAIN_PROPERTY));
	}

	static Grid grid(final Volume<?> in) {
		return Grid.of(in);
	}
}
