package org.medprep.core.spatial;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A deterministic spatial operation: decides where the output grid lies and
 * how it pulls from the input ({@link #plan}); the pixels are moved by the
 * shared {@link Resampler}. Plans of several operations compose into one
 * resampling.
 */
public interface SpatialOperation {

	/** The plan for an input on {@code source}. */
	SpatialPlan plan(Grid source);

	/** Plans and resamples. */
	default Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> volume, final Sampling sampling) {
		return plan(Grid.of(volume)).apply(volume, sampling);
	}
}
