package org.medprep.core.normalize;

import org.medprep.core.FloatKernels;
import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Rescales the volume's own [minimum, maximum] linearly onto [min, max]
 * (TorchIO RescaleIntensity, MONAI ScaleIntensity).
 */
public final class MinMaxNormalization {

	private final double min;
	private final double max;

	/** @throws IllegalArgumentException unless min < max, both finite */
	public MinMaxNormalization(final double min, final double max) {
		if (!Double.isFinite(min) || !Double.isFinite(max)) throw new IllegalArgumentException("output range must be finite, got " + min + " to " + max);
		if (!(min < max)) throw new IllegalArgumentException("output min (" + min + ") must be below max (" + max + ")");
		this.min = min;
		this.max = max;
	}

	/** @throws IllegalArgumentException if the volume is constant */
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> volume) {
		final double[] range = Planes.range(volume.data());
		final double inMin = range[0], inRange = range[1] - range[0];
		if (!(inRange > 0)) throw new IllegalArgumentException("cannot rescale a constant image (all voxels are " + inMin + ")");
		final double scale = (max - min) / inRange;
		final double min = this.min; // locals: the loops below read no field
		return volume.withData(Planes.mapFloats(volume.data(), (in, n, out, at) -> {
			for (int i = 0; i < n; i++) out[at + i] = (float) (min + (in[i] - inMin) * scale);
		}, (in, out) -> FloatKernels.affine(in, out, min, inMin, scale, FloatKernels.UNROLLED))).withMetadata(Volume.UNITS, null);
	}
}
