package org.medprep.core.augment.intensity;

import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A {@link GaussianBlur} with sigma drawn uniformly from [min, max] for each
 * axis (or once for all), in mm (TorchIO's {@code RandomBlur(std=(a, b))},
 * converted with the spacing as TorchIO does: sigma / spacing) or in voxels
 * (nnU-Net's {@code blur_sigma=(0.5, 1)}, drawn per axis).
 */
public final class RandomBlur implements RandomIntensityTransform {

	private final double min, max;
	private final boolean millimetres, sameForAllAxes;
	private final GaussianBlur.Kernel kernel;

	/** @throws IllegalArgumentException unless 0 &lt;= min &lt;= max */
	public RandomBlur(final double min, final double max, final boolean millimetres, final boolean sameForAllAxes, final GaussianBlur.Kernel kernel) {
		if (!(min >= 0) || !(min <= max) || !Double.isFinite(max))
			throw new IllegalArgumentException("blur sigma range must satisfy 0 <= sigma_min <= sigma_max, got [" + min + ", " + max + "]");
		this.min = min;
		this.max = max;
		this.millimetres = millimetres;
		this.sameForAllAxes = sameForAllAxes;
		this.kernel = kernel;
	}

	@Override
	public GaussianBlur draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		final double[] s = new double[3];
		for (int d = 0; d < 3; d++) s[d] = d > 0 && sameForAllAxes ? s[0] : FactorSampling.uniform(random, min, max);
		if (millimetres) for (int d = 0; d < 3; d++) s[d] /= image.geometry().spacing(d);
		return new GaussianBlur(s, kernel);
	}
}
