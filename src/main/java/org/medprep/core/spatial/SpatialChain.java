package org.medprep.core.spatial;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * The deterministic spatial steps an image went through (resample, resize,
 * crop/pad, flip, rotate, zoom, shift), in order, each as a
 * {@link SpatialPlan}. Composed, they are one resampling from the original
 * grid; inverted, they bring an image (or a label map predicted on the final
 * grid) back onto the original grid in one resampling, which is what an
 * inference pipeline needs to write predictions next to the original scan.
 * <p>
 * Has a plain text form, one plan per line, numbers round-trippable. A
 * subject's {@link org.medprep.core.History} holds the plans of its steps and
 * gives the chain that ends on its current grid. Immutable.
 */
public final class SpatialChain {

	private static final SpatialChain EMPTY = new SpatialChain(Collections.emptyList());

	private final List<SpatialPlan> plans;

	private SpatialChain(final List<SpatialPlan> plans) {
		this.plans = plans;
	}

	public static SpatialChain empty() {
		return EMPTY;
	}

	public List<SpatialPlan> plans() { return plans; }
	public boolean isEmpty() { return plans.isEmpty(); }

	/** @throws IllegalArgumentException if {@code next} does not read the grid the chain ends on */
	public SpatialChain then(final SpatialPlan next) {
		if (!plans.isEmpty()) plans.get(plans.size() - 1).then(next); // checks the grids chain
		final List<SpatialPlan> list = new ArrayList<>(plans);
		list.add(next);
		return new SpatialChain(Collections.unmodifiableList(list));
	}

	/** All steps as one plan, from the original grid to the last grid. @throws IllegalStateException if empty */
	public SpatialPlan composed() {
		if (plans.isEmpty()) throw new IllegalStateException("the spatial history is empty: there is nothing to invert");
		SpatialPlan p = plans.get(0);
		for (int i = 1; i < plans.size(); i++) p = p.then(plans.get(i));
		return p;
	}

	/** The plan from the last grid back onto the original grid. */
	public SpatialPlan inverse() {
		return composed().inverse();
	}

	/**
	 * Brings {@code volume}, which lies on the chain's last grid (same size; its
	 * own geometry is replaced by the recorded one, as a network's prediction
	 * rarely carries it), back onto the original grid in one resampling.
	 * @throws IllegalArgumentException if the size differs from the last grid's
	 */
	public Volume<? extends RealType<?>> invert(final Volume<? extends RealType<?>> volume, final Sampling sampling) {
		final SpatialPlan inverse = inverse();
		final Grid last = inverse.source();
		for (int d = 0; d < 3; d++)
			if (volume.dimension(d) != last.size(d))
				throw new IllegalArgumentException("the image is " + volume.dimension(0) + "x" + volume.dimension(1) + "x" + volume.dimension(2)
					+ " but the spatial history ends on a " + last.size(0) + "x" + last.size(1) + "x" + last.size(2) + " grid");
		return inverse.apply(volume.withGeometry(last.geometry()), sampling);
	}

	/** One line per plan, {@link SpatialPlan#toText()}. */
	public String toText() {
		final StringBuilder sb = new StringBuilder();
		for (final SpatialPlan p : plans) sb.append(sb.length() > 0 ? "\n" : "").append("plan ").append(p.toText());
		return sb.toString();
	}

	/**
	 * Reads {@link #toText()}; blank text is the empty chain.
	 * @throws IllegalArgumentException naming the line that is malformed
	 */
	public static SpatialChain parse(final String text) {
		SpatialChain chain = empty();
		if (text == null || text.trim().isEmpty()) return chain;
		int lineNo = 0;
		for (final String line : text.trim().split("\n")) {
			lineNo++;
			final String t = line.trim();
			try {
				if (!t.startsWith("plan ")) throw new IllegalArgumentException("expected 'plan source ... target ... pullback ...'");
				chain = chain.then(SpatialPlan.parse(t.substring(5)));
			} catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("spatial history line " + lineNo + " is malformed: " + e.getMessage());
			}
		}
		return chain;
	}

	@Override
	public String toString() {
		return "SpatialChain" + plans;
	}
}
