package org.medprep.core.augment.intensity;

import java.util.Locale;

import org.medprep.core.Volume;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.core.spatial.ResampleToSpacing;
import org.medprep.core.spatial.Resampler;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * TorchIO's {@code RandomAnisotropy}
 * (torchio/transforms/augmentation/spatial/random_anisotropy.py): the spacing
 * of one axis is multiplied by {@code downsampling}, the image resampled to
 * it with nearest neighbour ({@link ResampleToSpacing}, which keeps the outer
 * corner as TorchIO's {@code Resample} does) and back onto its own grid with
 * linear interpolation, ITK's convention at the border. Unlike TorchIO, it is
 * applied to scalar images only (TorchIO's {@code scalars_only=True} default).
 */
public final class Anisotropy implements IntensityDraw {

	private final int axis;
	private final double downsampling;

	/** @throws IllegalArgumentException unless axis is 0, 1 or 2 and downsampling &gt;= 1 */
	public Anisotropy(final int axis, final double downsampling) {
		if (axis < 0 || axis > 2) throw new IllegalArgumentException("anisotropy axis must be 0, 1 or 2, got " + axis);
		if (!(downsampling >= 1) || !Double.isFinite(downsampling)) throw new IllegalArgumentException("downsampling must be >= 1, got " + downsampling);
		this.axis = axis;
		this.downsampling = downsampling;
	}

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final Grid grid = Grid.of(image);
		final double[] spacing = image.geometry().spacing();
		spacing[axis] *= downsampling;
		final Volume<? extends RealType<?>> low = new ResampleToSpacing(spacing, false).plan(grid).apply(image,
			Sampling.of(Interpolation.NEAREST, BoundaryMode.BOX, 0));
		final SpatialPlan back = SpatialPlan.of(Grid.of(low), grid, PhysicalAffine.identity());
		final PlanarImg<FloatType, FloatArray> out = Resampler.resample(low.data(), back.source(), back.target(), back.pullBack(), null,
			Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, 0));
		return image.withData(out);
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("axis", String.valueOf("xyz".charAt(axis))).put("downsampling", downsampling).map();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "axis=%s downsampling=%.6f", "xyz".charAt(axis), downsampling);
	}
}
