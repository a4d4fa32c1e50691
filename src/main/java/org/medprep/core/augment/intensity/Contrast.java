package org.medprep.core.augment.intensity;

import java.util.Locale;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Scales intensities about their mean, {@code (x - mean) * factor + mean},
 * optionally clamped to the input's [min, max] ({@code preserve_range}):
 * nnU-Net's {@code ContrastTransform}
 * (batchgeneratorsv2/transforms/intensity/contrast.py), the mean and range
 * being those of the whole image.
 */
public final class Contrast implements IntensityDraw {

	private final double factor;
	private final boolean preserveRange;

	/** @throws IllegalArgumentException unless the factor is finite */
	public Contrast(final double factor, final boolean preserveRange) {
		if (!Double.isFinite(factor)) throw new IllegalArgumentException("contrast factor must be finite, got " + factor);
		this.factor = factor;
		this.preserveRange = preserveRange;
	}

	public double factor() { return factor; }

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final IntensityStatistics s = IntensityStatistics.of(image.data(), VoxelSelection.all());
		final double mean = s.mean(), f = factor;
		final double lo = preserveRange ? s.min() : Double.NEGATIVE_INFINITY, hi = preserveRange ? s.max() : Double.POSITIVE_INFINITY;
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			for (int i = 0; i < out.length; i++) out[i] = (float) Math.min(hi, Math.max(lo, (in[i] - mean) * f + mean));
		}));
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("factor", factor).put("preserve_range", preserveRange).map();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "factor=%.6f preserve_range=%s", factor, preserveRange);
	}
}
