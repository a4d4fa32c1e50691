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
 * of a registration get the same physical sigma. Each level is built from the
 * next finer one: shrunk first by linear interpolation onto the coarser grid
 * (covering the same box, see {@link ResampleToSpacing}; for a halving this
 * averages pairs of voxels, whose blur counts towards the sigma), then smoothed
 * on the smaller grid by the Gaussian that makes up the rest. So no level costs
 * a full-size smoothing.
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
		// the blur (variance, mm^2) each axis of the previous level has had
		final double[] variance = new double[3];
		final double[] spacing = grid.geometry().spacing();
		for (int l = levels - 1; l >= 0; l--) {
			final double[] target = new double[3];
			for (int d = 0; d < 3; d++) target[d] = spacing[d] * shrink[l][d];
			final double[] before = previous.grid.geometry().spacing();
			LevelImage level = previous;
			if (!Arrays.equals(target, before)) {
				level = shrunk(previous.data, previous.grid, target, labels);
				for (int d = 0; d < 3; d++) variance[d] += interpolationVariance(target[d] / before[d]) * before[d] * before[d];
			}
			if (!labels && sigmas[l] > 0) {
				// the shrinking's averaging counts towards the level's sigma; a Gaussian on the smaller grid adds the rest
				final double[] voxels = new double[3];
				boolean smooth = false;
				for (int d = 0; d < 3; d++) {
					final double rest = sigmas[l] * sigmas[l] - variance[d];
					if (rest > 1e-12) {
						voxels[d] = Math.sqrt(rest) / level.grid.geometry().spacing(d);
						variance[d] = sigmas[l] * sigmas[l];
						smooth = true;
					}
				}
				if (smooth) {
					final float[] data = level == previous ? level.data.clone() : level.data;
					GaussianSmoothing.smooth(data, new int[] { level.nx, level.ny, level.nz }, voxels);
					level = new LevelImage(data, level.grid);
				}
			}
			out.add(level);
			previous = level;
		}
		Collections.reverse(out);
		return out;
	}

	/**
	 * The variance (in old voxels squared) that linear interpolation adds when a
	 * grid is shrunk by {@code ratio} keeping its outer corner: new centres fall
	 * half-way between old ones for even ratios (a two-voxel average), on old
	 * centres for odd ones.
	 */
	static double interpolationVariance(final double ratio) {
		final double offset = (ratio - 1) / 2, t = offset - Math.floor(offset);
		return t * (1 - t);
	}

	private static LevelImage shrunk(final float[] data, final Grid from, final double[] spacing, final boolean labels) {
		final Grid to = new ResampleToSpacing(spacing, false).plan(from).target();
		final Sampling sampling = Sampling.of(labels ? Interpolation.NEAREST : Interpolation.LINEAR, BoundaryMode.BOX, 0);
		final PlanarImg<FloatType, FloatArray> resampled = Resampler.resample(ArrayImgs.floats(data, from.size()), from, to, PhysicalAffine.identity(),
			null, sampling);
		final int plane = (int) (to.size(0) * to.size(1));
		final float[] flat = new float[plane * (int) to.size(2)];
		for (int z = 0; z < to.size(2); z++) System.arraycopy(resampled.getPlane(z).getCurrentStorageArray(), 0, flat, z * plane, plane);
		return new LevelImage(flat, to);
	}
}
