package org.medprep.core.registration;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.medprep.core.Geometry;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.GaussianSmoothing;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.PhysicalAffine;
import org.medprep.core.spatial.ResampleToSpacing;
import org.medprep.core.spatial.Resampler;
import org.medprep.core.spatial.Sampling;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The multi-resolution pyramid of one image. Level {@code l} of {@code L}
 * (0 = coarsest) has the factor {@code f = 2^(L-1-l)}: the image is smoothed
 * by a Gaussian of {@code sigma = f/2} times a reference spacing (mm; none at
 * the finest level, which is the image itself) and shrunk along each axis by
 * {@code round(f * smallest spacing / spacing)} (at least 1, and never below
 * {@value #MIN_LEVEL_SIZE} voxels), so anisotropic images become about
 * isotropic on coarse levels instead of losing their thick axis. Both images
 * of a registration get the same physical sigma. Levels are built from the
 * next finer one (the incremental sigma on the smaller grid), so a coarse level
 * costs a fraction of a full-size smoothing; the shrunk grid covers the same
 * box (see {@link ResampleToSpacing}).
 */
final class Pyramid {

	static final int MIN_LEVEL_SIZE = 16;

	private Pyramid() {}

	/** The Gaussian sigma (mm) of every level, coarsest first, for a reference spacing. */
	static double[] sigmas(final int levels, final double referenceSpacing) {
		final double[] s = new double[levels];
		for (int l = 0; l < levels; l++) {
			final int f = 1 << (levels - 1 - l);
			s[l] = f == 1 ? 0 : 0.5 * f * referenceSpacing;
		}
		return s;
	}

	/** The shrink factor along each axis of every level, coarsest first. */
	static int[][] shrinkFactors(final Grid grid, final int levels) {
		final Geometry g = grid.geometry();
		final double smallest = Math.min(g.spacing(0), Math.min(g.spacing(1), g.spacing(2)));
		final int[][] shrink = new int[levels][3];
		for (int l = 0; l < levels; l++) {
			final int f = 1 << (levels - 1 - l);
			for (int d = 0; d < 3; d++) {
				final int limit = (int) Math.max(1, grid.size(d) / MIN_LEVEL_SIZE);
				shrink[l][d] = (int) Math.max(1, Math.min(limit, Math.round(f * smallest / g.spacing(d))));
			}
		}
		return shrink;
	}

	/**
	 * The levels, coarsest first.
	 * @param image the image data on {@code grid}
	 * @param sigmas Gaussian sigma (mm) per level, coarsest first, not increasing
	 * @param labels true for a mask: no smoothing, nearest neighbour shrinking
	 */
	static List<LevelImage> build(final RandomAccessibleInterval<? extends RealType<?>> image, final Grid grid, final int[][] shrink,
		final double[] sigmas, final boolean labels)
	{
		final int levels = shrink.length;
		final List<LevelImage> out = new ArrayList<>(levels);
		LevelImage previous = new LevelImage(FloatVolumes.read(image), grid);
		double previousSigma = 0;
		final double[] spacing = grid.geometry().spacing();
		for (int l = levels - 1; l >= 0; l--) {
			final double sigma = labels ? 0 : sigmas[l];
			float[] data = previous.data;
			if (sigma > previousSigma) {
				final double increment = Math.sqrt(sigma * sigma - previousSigma * previousSigma);
				final double[] voxels = new double[3];
				for (int d = 0; d < 3; d++) voxels[d] = increment / previous.grid.geometry().spacing(d);
				data = data.clone();
				GaussianSmoothing.smooth(data, new int[] { previous.nx, previous.ny, previous.nz }, voxels);
			}
			final double[] target = new double[3];
			for (int d = 0; d < 3; d++) target[d] = spacing[d] * shrink[l][d];
			final LevelImage level;
			if (Arrays.equals(target, previous.grid.geometry().spacing())) level = data == previous.data ? previous : new LevelImage(data, previous.grid);
			else level = shrunk(data, previous.grid, target, labels);
			out.add(level);
			previous = level;
			previousSigma = sigma;
		}
		Collections.reverse(out);
		return out;
	}

	private static LevelImage shrunk(final float[] data, final Grid from, final double[] spacing, final boolean labels) {
		final Grid to = new ResampleToSpacing(spacing, false).plan(from).target();
		final Sampling sampling = Sampling.of(labels ? Interpolation.NEAREST : Interpolation.LINEAR, BoundaryMode.NEAREST, 0);
		final PlanarImg<FloatType, FloatArray> resampled = Resampler.resample(ArrayImgs.floats(data, from.size()), from, to, PhysicalAffine.identity(),
			null, sampling);
		final int plane = (int) (to.size(0) * to.size(1));
		final float[] flat = new float[plane * (int) to.size(2)];
		for (int z = 0; z < to.size(2); z++) System.arraycopy(resampled.getPlane(z).getCurrentStorageArray(), 0, flat, z * plane, plane);
		return new LevelImage(flat, to);
	}
}
