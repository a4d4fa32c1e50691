package org.medprep.core.registration;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/**
 * Where a metric looks in the fixed image. {@link #RANDOM}: a fresh set of
 * random points (continuous positions, inside the fixed mask) every iteration,
 * drawn from the registration's seed (elastix's "RandomCoordinate" sampler with
 * new samples every iteration; cheap and unbiased over the iterations).
 * {@link #REGULAR}: the voxels of a regular grid with about as many points,
 * the same every iteration. {@link #FULL}: every voxel (inside the mask).
 */
public enum SamplingStrategy implements Labelled {
	RANDOM("random"),
	REGULAR("regular grid"),
	FULL("all voxels");

	private final String label;

	SamplingStrategy(final String label) {
		this.label = label;
	}

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(SamplingStrategy.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static SamplingStrategy fromLabel(final String label) {
		return Labels.parse(SamplingStrategy.class, label, "sampling");
	}
}
