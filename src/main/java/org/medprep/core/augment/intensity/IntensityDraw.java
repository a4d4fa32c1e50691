package org.medprep.core.augment.intensity;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The concrete parameters of one intensity draw, as a deterministic transform:
 * the same image gives the same voxels, bit for bit, whatever the thread
 * count. {@link #toString} is the record kept in the history: every number
 * needed to replay it, on one line.
 */
public interface IntensityDraw {

	/** A new float volume on the image's grid (same geometry and metadata); the input is not modified. */
	Volume<FloatType> apply(Volume<? extends RealType<?>> image);
}
