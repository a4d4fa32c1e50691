package org.medprep.core.augment.intensity;

import java.util.Locale;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Multiplies every intensity by one factor: nnU-Net's
 * {@code MultiplicativeBrightnessTransform}
 * (batchgeneratorsv2/transforms/intensity/brightness.py); MONAI's
 * {@code RandScaleIntensity} with {@code factors=f} is the factor 1 + f.
 */
public final class Brightness implements IntensityDraw {

	private final double multiplier;

	/** @throws IllegalArgumentException unless the multiplier is finite */
	public Brightness(final double multiplier) {
		if (!Double.isFinite(multiplier)) throw new IllegalArgumentException("brightness multiplier must be finite, got " + multiplier);
		this.multiplier = multiplier;
	}

	public double multiplier() { return multiplier; }

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final double m = multiplier;
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			for (int i = 0; i < out.length; i++) out[i] = (float) (in[i] * m);
		}));
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("multiplier", multiplier).map();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "multiplier=%.6f", multiplier);
	}
}
