package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A random intensity transform (TorchIO's {@code IntensityTransform} split into
 * its random and deterministic halves): {@link #draw} picks concrete
 * parameters from an explicit generator, possibly looking at the image (its
 * size, spacing or statistics); the returned {@link IntensityDraw} is a
 * deterministic function of the image from then on. Intensity transforms touch
 * scalar images only, never label maps.
 */
public interface RandomIntensityTransform {

	IntensityDraw draw(Volume<? extends RealType<?>> image, SplittableRandom random);
}
