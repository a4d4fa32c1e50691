package org.medprep.core.augment.intensity;

import org.medprep.core.Labelled;
import java.util.SplittableRandom;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * Simulated low resolution, as one of the two anchors draws it.
 * <ul>
 * <li>{@link Mode#NNUNET}: a {@link SimulatedLowResolution} with a scale
 * uniform in [min, max] for each allowed axis, or one for all of them
 * (nnU-Net's {@code scale=(0.5, 1), synchronize_axes=True}); other axes keep
 * scale 1 ({@code ignore_axes}).</li>
 * <li>{@link Mode#ANISOTROPY}: an {@link Anisotropy} along one allowed axis,
 * picked uniformly, with a downsampling factor uniform in [min, max]
 * (TorchIO's {@code RandomAnisotropy(axes=(0, 1, 2), downsampling=(1.5, 5))}).</li>
 * </ul>
 */
public final class RandomLowResolution implements RandomIntensityTransform {

	/** nnU-Net's every-axis simulation, or TorchIO's anisotropy along one axis. */
	public enum Mode implements Labelled {
		NNUNET("nnU-Net (every axis)"),
		ANISOTROPY("TorchIO anisotropy (one axis)");

		private final String label;

		Mode(final String label) { this.label = label; }

		@Override
		public String label() { return label; }
	}

	private final Mode mode;
	private final double min, max;
	private final boolean sameForAllAxes;
	private final boolean[] axes;

	/**
	 * @param axes which axes (x, y, z) may be downsampled
	 * @throws IllegalArgumentException for an empty axis set or a range outside (0, 1] (nnU-Net) or below 1 (anisotropy)
	 */
	public RandomLowResolution(final Mode mode, final double min, final double max, final boolean sameForAllAxes, final boolean[] axes) {
		if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max))
			throw new IllegalArgumentException("low-resolution range must satisfy min <= max, got [" + min + ", " + max + "]");
		if (mode == Mode.NNUNET && !(min > 0 && max <= 1))
			throw new IllegalArgumentException("scale range must lie in (0, 1] (1 keeps the resolution), got [" + min + ", " + max + "]");
		if (mode == Mode.ANISOTROPY && !(min >= 1)) throw new IllegalArgumentException("downsampling range must be >= 1, got [" + min + ", " + max + "]");
		if (axes == null || axes.length != 3 || !(axes[0] || axes[1] || axes[2])) throw new IllegalArgumentException("at least one axis must be allowed");
		this.mode = mode;
		this.min = min;
		this.max = max;
		this.sameForAllAxes = sameForAllAxes;
		this.axes = axes.clone();
	}

	@Override
	public IntensityDraw draw(final Volume<? extends RealType<?>> image, final SplittableRandom random) {
		if (mode == Mode.ANISOTROPY) {
			int count = 0;
			for (final boolean a : axes) if (a) count++;
			int pick = random.nextInt(count), axis = -1;
			for (int d = 0; d < 3 && axis < 0; d++) if (axes[d] && pick-- == 0) axis = d;
			return new Anisotropy(axis, FactorSampling.uniform(random, min, max));
		}
		final double[] s = { 1, 1, 1 };
		final double shared = sameForAllAxes ? FactorSampling.uniform(random, min, max) : Double.NaN;
		for (int d = 0; d < 3; d++)
			if (axes[d]) s[d] = sameForAllAxes ? shared : FactorSampling.uniform(random, min, max);
		return new SimulatedLowResolution(s);
	}
}
