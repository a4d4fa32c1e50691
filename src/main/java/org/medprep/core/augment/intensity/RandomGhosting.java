package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A {@link Ghosting} drawn as TorchIO's {@code RandomGhosting}: a whole
 * number of ghosts uniform in [ghosts_min, ghosts_max], one of the allowed
 * axes, an intensity uniform in [intensity_min, intensity_max] and, unless
 * only the central plane is restored, a restored fraction uniform in
 * [restore_min, restore_max] (TorchIO's defaults: 4-10 ghosts, any axis,
 * intensity 0.5-1, restore None).
 */
public final class RandomGhosting implements RandomIntensityTransform {

	private final int ghostsMin, ghostsMax;
	private final boolean[] axes;
	private final double intensityMin, intensityMax, restoreMin, restoreMax;
	private final boolean restoreFraction;

	/** @throws IllegalArgumentException for empty or negative ranges, no axis, or restore outside [0, 1] */
	public RandomGhosting(final int ghostsMin, final int ghostsMax, final boolean[] axes, final double intensityMin, final double intensityMax,
		final boolean restoreFraction, final double restoreMin, final double restoreMax)
	{
		if (ghostsMin < 0 || ghostsMax < ghostsMin) throw new IllegalArgumentException("ghost count range must satisfy 0 <= ghosts_min <= ghosts_max, got [" + ghostsMin + ", " + ghostsMax + "]");
		if (axes == null || axes.length != 3 || !(axes[0] || axes[1] || axes[2])) throw new IllegalArgumentException("at least one axis must be allowed");
		if (!(intensityMin >= 0) || !(intensityMin <= intensityMax) || !Double.isFinite(intensityMax))
			throw new IllegalArgumentException("ghost intensity range must satisfy 0 <= intensity_min <= intensity_max, got [" + intensityMin + ", " + intensityMax + "]");
		if (restoreFraction && !(restoreMin >= 0 && restoreMin <= restoreMax && restoreMax <= 1))
			throw new IllegalArgumentException("restore range must satisfy 0 <= restore_min <= restore_max <= 1, got [" + restoreMin + ", " + restoreMax + "]");
		this.ghostsMin = ghostsMin;
		this.ghostsMax = ghostsMax;
		this.axes = axes.clone();
		this.intensityMin = intensityMin;
		this.intensityMax = intensityMax;
		this.restoreFraction = restoreFraction;
		this.restoreMin = restoreMin;
		this.restoreMax = restoreMax;
	}

	@Override
	public Ghosting draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		final int ghosts = ghostsMin + random.nextInt(ghostsMax - ghostsMin + 1);
		int count = 0;
		for (final boolean a : axes) if (a) count++;
		int pick = random.nextInt(count), axis = -1;
		for (int d = 0; d < 3 && axis < 0; d++) if (axes[d] && pick-- == 0) axis = d;
		final double intensity = FactorSampling.uniform(random, intensityMin, intensityMax);
		final double restore = restoreFraction ? FactorSampling.uniform(random, restoreMin, restoreMax) : Double.NaN;
		return new Ghosting(ghosts, axis, intensity, restore);
	}
}
