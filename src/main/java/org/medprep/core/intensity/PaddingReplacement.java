package org.medprep.core.intensity;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Replaces the padding value a CT scanner writes outside its circular field
 * of view (often -2000 or -3024 HU, or the DICOM Pixel Padding Value) with
 * another value, usually air (-1000 HU), so that windowing and statistics do
 * not see an artificial second air level.
 * <p>
 * A voxel is padding when its value equals the padding value to within
 * 1e-6 relative, which tolerates the float rounding of a rescaled stored value.
 */
public final class PaddingReplacement {

	private final double padding;
	private final double value;

	public PaddingReplacement(final double padding, final double value) {
		if (!Double.isFinite(padding)) throw new IllegalArgumentException("padding value must be finite, got " + padding);
		if (!Double.isFinite(value)) throw new IllegalArgumentException("replacement value must be finite, got " + value);
		this.padding = padding;
		this.value = value;
	}

	public boolean isPadding(final double x) {
		return Math.abs(x - padding) <= 1e-6 * Math.max(1, Math.abs(padding));
	}

	public Volume<FloatType> apply(final Volume<? extends RealType<?>> volume) {
		final float replacement = (float) value;
		return volume.withData(Planes.mapFloats(volume.data(), (in, n, out, at) -> {
			for (int i = 0; i < n; i++) out[at + i] = isPadding(in[i]) ? replacement : (float) in[i];
		}, (in, out) -> {
			for (int i = 0; i < out.length; i++) out[i] = isPadding(in[i]) ? replacement : in[i];
		}));
	}
}
