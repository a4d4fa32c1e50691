package org.medprep.core.spatial;

import java.util.Arrays;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * Resamples onto a grid of the given spacing (mm) that covers the same
 * physical box: the outer corner of voxel 0 (index -0.5) stays where it is
 * (TorchIO's {@code Resample} / SimpleITK convention), the size is
 * {@code max(1, round(n * s / s'))}, direction cosines are kept. After
 * resampling to 1 mm the result overlays the input in any viewer.
 * <p>
 * When an axis is downsampled by a factor {@code f = s'/s > 1} and
 * {@code antiAlias} is on, the input is first smoothed with a Gaussian of
 * sigma {@code (f - 1) / 2} voxels along that axis (scikit-image's
 * {@code resize(anti_aliasing=True)}, also TorchIO's choice). Label-preserving
 * interpolations are never smoothed.
 */
public final class ResampleToSpacing implements SpatialOperation {

	private final double[] spacing;
	private final boolean antiAlias;

	/** @throws IllegalArgumentException if a spacing is not positive and finite */
	public ResampleToSpacing(final double[] spacing, final boolean antiAlias) {
		if (spacing == null || spacing.length != 3) throw new IllegalArgumentException("target spacing needs 3 values (x, y, z) in mm");
		for (int d = 0; d < 3; d++)
			if (!(spacing[d] > 0) || !Double.isFinite(spacing[d]))
				throw new IllegalArgumentException("target spacing along " + "xyz".charAt(d) + " must be positive and finite, got " + spacing[d] + " mm");
		this.spacing = spacing.clone();
		this.antiAlias = antiAlias;
	}

	public double[] spacing() { return spacing.clone(); }

	@Override
	public SpatialPlan plan(final Grid source) {
		final Geometry g = source.geometry();
		final long[] size = new long[3];
		final double[] cornerIndex = new double[3];
		for (int d = 0; d < 3; d++) {
			final double ratio = spacing[d] / g.spacing(d);
			size[d] = Math.max(1, Math.round(source.size(d) / ratio));
			cornerIndex[d] = -0.5 + 0.5 * ratio;
		}
		final Geometry target = Geometry.of(spacing, g.indexToPhysical(cornerIndex), g.direction());
		return SpatialPlan.of(source, Grid.of(size, target), PhysicalAffine.identity());
	}

	/** Spacing ratio above which a grid counts as anisotropic (nnU-Net's threshold). */
	public static final double ANISOTROPY_RATIO = 3;

	/**
	 * nnU-Net's choice of a separately treated axis: if the input or the target
	 * spacing has max/min above {@link #ANISOTROPY_RATIO}, the axis with the largest
	 * spacing (of the input if it is anisotropic, else of the target); otherwise -1.
	 */
	public int anisotropicAxis(final Grid source) {
		final double[] in = source.geometry().spacing();
		if (ratio(in) > ANISOTROPY_RATIO) return argMax(in);
		if (ratio(spacing) > ANISOTROPY_RATIO) return argMax(spacing);
		return -1;
	}

	private static double ratio(final double[] s) {
		return Math.max(s[0], Math.max(s[1], s[2])) / Math.min(s[0], Math.min(s[1], s[2]));
	}

	private static int argMax(final double[] s) {
		return s[0] >= s[1] && s[0] >= s[2] ? 0 : s[1] >= s[2] ? 1 : 2;
	}

	/** Gaussian sigma (input voxels) per axis used before downsampling; 0 where not downsampled. */
	public double[] antiAliasSigma(final Grid source) {
		final double[] sigma = new double[3];
		for (int d = 0; d < 3; d++) {
			final double f = spacing[d] / source.geometry().spacing(d);
			sigma[d] = antiAlias && f > 1 ? (f - 1) / 2 : 0;
		}
		return sigma;
	}

	/** True if an image read with {@code sampling} is smoothed first (anti-aliasing on, an axis downsampled, an interpolation that may blend). */
	public boolean smoothsBeforeResampling(final Grid source, final Sampling sampling) {
		final double[] sigma = antiAliasSigma(source);
		return !sampling.interpolation().preservesLabels() && (sigma[0] > 0 || sigma[1] > 0 || sigma[2] > 0);
	}

	/**
	 * The anti-aliasing: the volume smoothed by {@link #antiAliasSigma} (a float copy; the input is
	 * unchanged), or the volume itself where the Gaussian is too narrow to change a float
	 * ({@link GaussianSmoothing#leavesAlone}: 1.2 to 1.5 mm, sigma 0.125 voxels).
	 */
	public Volume<? extends RealType<?>> smooth(final Volume<? extends RealType<?>> volume) {
		final double[] sigma = antiAliasSigma(Grid.of(volume));
		if (GaussianSmoothing.leavesAlone(sigma[0]) && GaussianSmoothing.leavesAlone(sigma[1]) && GaussianSmoothing.leavesAlone(sigma[2])) return volume;
		final int[] n = FloatVolumes.size(volume.data());
		final float[] data = FloatVolumes.read(volume.data());
		GaussianSmoothing.smooth(data, n, sigma);
		return Volume.of(ArrayImgs.floats(data, n[0], n[1], n[2]), volume.geometry(), volume.metadata());
	}

	@Override
	public Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> volume, final Sampling sampling) {
		final Grid source = Grid.of(volume);
		if (!smoothsBeforeResampling(source, sampling)) return plan(source).apply(volume, sampling);
		return plan(source).apply(smooth(volume), sampling);
	}

	@Override
	public String toString() {
		return "Resample to Spacing " + Arrays.toString(spacing) + " mm" + (antiAlias ? " (anti-aliased)" : "");
	}
}
