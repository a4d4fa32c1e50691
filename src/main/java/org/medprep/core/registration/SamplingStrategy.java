package org.medprep.core.registration;

import java.util.Arrays;

/**
 * Where a metric looks in the fixed image. {@link #RANDOM}: a fresh set of
 * random points (continuous positions, inside the fixed mask) every iteration,
 * drawn from the registration's seed (elastix's "RandomCoordinate" sampler with
 * new samples every iteration; cheap and unbiased over the iterations).
 * {@link #REGULAR}: the voxels of a regular grid with about as many points,
 * the same every iteration. {@link #FULL}: every voxel (inside the mask).
 */
public enum SamplingStrategy {
	RANDOM("random"),
	REGULAR("regular grid"),
	FULL("all voxels");

	private final String label;

	SamplingStrategy(final String label) {
		this.label = label;
	}

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(SamplingStrategy::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static SamplingStrategy fromLabel(final String label) {
		for (final SamplingStrategy s : values())
			if (s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label)) return s;
		throw new IllegalArgumentException("unknown sampling '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
