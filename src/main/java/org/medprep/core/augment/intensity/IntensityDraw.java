package org.medprep.core.augment.intensity;

import java.util.Map;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The concrete parameters of one intensity draw, as a deterministic transform:
 * the same image gives the same voxels, bit for bit, whatever the thread
 * count. {@link #drawn} is the record kept in the history (every number
 * needed to see what was done, exactly; the step's seed replays it);
 * {@link #toString} says the same on one line for people.
 */
public interface IntensityDraw {

	/** A new float volume on the image's grid (same geometry and metadata); the input is not modified. */
	Volume<FloatType> apply(Volume<? extends RealType<?>> image);

	/** The parameters, name to a value without spaces, in order (numbers round-trippable, lists as {@code [a,b,c]}). */
	Map<String, String> drawn();
}
