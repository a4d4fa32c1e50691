package org.medprep.core.augment.intensity;

import org.medprep.core.Labelled;
import java.util.Locale;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Raises intensities to the power gamma, in one of two anchors' forms.
 * <ul>
 * <li>{@link Formula#POWER}: TorchIO's {@code Gamma}
 * (torchio/transforms/augmentation/intensity/random_gamma.py):
 * {@code sign(x) |x|^gamma} (plain {@code x^gamma} when nothing is negative).</li>
 * <li>{@link Formula#RANGE}: nnU-Net's {@code GammaTransform}
 * (batchgeneratorsv2/transforms/intensity/gamma.py): the image is mapped to
 * [0, 1] by its range, raised, mapped back:
 * {@code ((x - min) / max(range, 1e-7))^gamma * range + min}.</li>
 * </ul>
 * {@code invert} negates the image before and after (nnU-Net's
 * {@code p_invert_image}: the curve then bends the bright end; with
 * {@link Formula#POWER} it changes nothing, the power being odd-symmetric).
 * {@code retainStats} restores the mean and standard deviation the image had
 * before the power ({@code p_retain_stats}): {@code (y - mean_y) * std/std_y + mean}
 * (the ratio of standard deviations is the same with ddof 0 or 1; nnU-Net
 * clamps {@code std_y} at 1e-7).
 */
public final class Gamma implements IntensityDraw {

	/** TorchIO's plain power, or nnU-Net's power of the image rescaled to its range. */
	public enum Formula implements Labelled {
		POWER("power (TorchIO)"),
		RANGE("range (nnU-Net)");

		private final String label;

		Formula(final String label) { this.label = label; }

		@Override
		public String label() { return label; }

		/** The labels before the library names were added. */
		@Override
		public java.util.List<String> oldSpellings() { return java.util.List.of(name().toLowerCase(java.util.Locale.ROOT)); }
	}

	private static final double EPS = 1e-7;

	private final double gamma;
	private final Formula formula;
	private final boolean invert, retainStats;

	/** @throws IllegalArgumentException unless gamma is positive and finite */
	public Gamma(final double gamma, final Formula formula, final boolean invert, final boolean retainStats) {
		if (!(gamma > 0) || !Double.isFinite(gamma)) throw new IllegalArgumentException("gamma must be positive and finite, got " + gamma);
		if (formula == null) throw new IllegalArgumentException("gamma formula must not be null");
		this.gamma = gamma;
		this.formula = formula;
		this.invert = invert;
		this.retainStats = retainStats;
	}

	public double gamma() { return gamma; }

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final double sign = invert ? -1 : 1;
		final IntensityStatistics before = IntensityStatistics.of(image.data(), VoxelSelection.all());
		// statistics of y = sign * x
		final double min = invert ? -before.max() : before.min();
		final double range = before.max() - before.min();
		final double scale = Math.max(range, EPS);
		final double g = gamma;
		final boolean rangeForm = formula == Formula.RANGE;
		final PlanarImg<FloatType, FloatArray> out = Planes.toFloat(image.data(), (z, in, o) -> {
			for (int i = 0; i < o.length; i++) {
				final double y = sign * in[i];
				final double v;
				if (rangeForm) v = Math.pow((y - min) / scale, g) * range + min;
				else v = y < 0 ? -Math.pow(-y, g) : Math.pow(y, g);
				o[i] = (float) (retainStats ? v : sign * v);
			}
		});
		if (retainStats) {
			final IntensityStatistics after = IntensityStatistics.of(out, VoxelSelection.all());
			final double factor = before.std() / Math.max(after.std(), EPS);
			final double mean = sign * before.mean(), meanAfter = after.mean();
			IntensityPlanes.inPlace(out, (z, p) -> {
				for (int i = 0; i < p.length; i++) p[i] = (float) (sign * ((p[i] - meanAfter) * factor + mean));
			});
		}
		return image.withData(out);
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("gamma", gamma).put("formula", formula == Formula.POWER ? "power" : "range").put("invert", invert)
			.put("retain_stats", retainStats).map();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "gamma=%.6f formula=%s invert=%s retain_stats=%s", gamma, formula == Formula.POWER ? "power" : "range",
			invert, retainStats);
	}
}
