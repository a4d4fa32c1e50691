package org.medprep.core.augment.intensity;

import java.util.Locale;

import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.spatial.FloatVolumes;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * nnU-Net's {@code SimulateLowResolutionTransform}
 * (batchgeneratorsv2/transforms/spatial/low_resolution.py): each axis of n
 * voxels is shrunk to {@code round(n * scale)} voxels (half to even, as
 * Python; at least 1) by torch's {@code 'nearest-exact'} interpolation, then
 * brought back to n by {@code 'trilinear'} with {@code align_corners=False}.
 * The source indices are computed in float32 as PyTorch's CPU kernels do
 * (so ties fall on the same voxel): nearest-exact takes
 * {@code min(floor((i + 0.5) * in/out), in - 1)}; linear reads at
 * {@code max((i + 0.5) * in/out - 0.5, 0)} between that index's floor and the
 * next one (clamped at the last). Trilinear is computed as three linear
 * passes (x, y, z), which equals the 8-corner sum up to rounding.
 */
public final class SimulatedLowResolution implements IntensityDraw {

	private final double[] scales;

	/** @throws IllegalArgumentException unless every scale is in (0, 1] */
	public SimulatedLowResolution(final double[] scales) {
		if (scales == null || scales.length != 3) throw new IllegalArgumentException("low resolution needs a scale per axis (x, y, z)");
		for (int d = 0; d < 3; d++)
			if (!(scales[d] > 0 && scales[d] <= 1)) throw new IllegalArgumentException("low-resolution scale along " + "xyz".charAt(d) + " must be in (0, 1], got " + scales[d]);
		this.scales = scales.clone();
	}

	/** The shrunk size of an axis: Python's round of n * scale (float32 scale, as nnU-Net's torch tensor holds it), at least 1. */
	public static int shrunk(final int n, final double scale) {
		return Math.max(1, (int) Math.rint(n * (double) (float) scale));
	}

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final int[] n = FloatVolumes.size(image.data());
		final int[] m = new int[3];
		for (int d = 0; d < 3; d++) m[d] = shrunk(n[d], scales[d]);
		// downsample: nearest-exact source index of each low-resolution voxel
		final int[][] pick = new int[3][];
		for (int d = 0; d < 3; d++) pick[d] = nearestExact(n[d], m[d]);
		final PlanarImg<FloatType, FloatArray> in = Planes.toFloat(image.data(), (z, v, o) -> {
			for (int i = 0; i < o.length; i++) o[i] = (float) v[i];
		});
		final float[][] src = IntensityPlanes.planes(in);
		final float[][] low = new float[m[2]][m[0] * m[1]];
		Parallelization.getTaskExecutor().forEach(IntensityPlanes.range(m[2]), z -> {
			final float[] s = src[pick[2][z]], o = low[z];
			for (int y = 0; y < m[1]; y++)
				for (int x = 0; x < m[0]; x++) o[y * m[0] + x] = s[pick[1][y] * n[0] + pick[0][x]];
		});
		// upsample: linear along x and y per low-resolution plane, then along z per output plane
		final Linear lx = new Linear(m[0], n[0]), ly = new Linear(m[1], n[1]), lz = new Linear(m[2], n[2]);
		final float[][] wide = new float[m[2]][];
		Parallelization.getTaskExecutor().forEach(IntensityPlanes.range(m[2]), z -> {
			final float[] rows = new float[m[1] * n[0]];
			for (int y = 0; y < m[1]; y++)
				for (int x = 0; x < n[0]; x++)
					rows[y * n[0] + x] = (float) (lx.w0[x] * low[z][y * m[0] + lx.i0[x]] + lx.w1[x] * low[z][y * m[0] + lx.i1[x]]);
			final float[] plane = new float[n[1] * n[0]];
			for (int y = 0; y < n[1]; y++)
				for (int x = 0; x < n[0]; x++)
					plane[y * n[0] + x] = (float) (ly.w0[y] * rows[ly.i0[y] * n[0] + x] + ly.w1[y] * rows[ly.i1[y] * n[0] + x]);
			wide[z] = plane;
		});
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(n[0], n[1], n[2]);
		Parallelization.getTaskExecutor().forEach(IntensityPlanes.range(n[2]), z -> {
			final float[] a = wide[lz.i0[z]], b = wide[lz.i1[z]], o = out.getPlane(z).getCurrentStorageArray();
			final double w0 = lz.w0[z], w1 = lz.w1[z];
			for (int i = 0; i < o.length; i++) o[i] = (float) (w0 * a[i] + w1 * b[i]);
		});
		return image.withData(out);
	}

	/** torch's nearest-exact source indices for resizing {@code in} samples to {@code out}. */
	static int[] nearestExact(final int in, final int out) {
		final float scale = (float) in / out;
		final int[] idx = new int[out];
		for (int i = 0; i < out; i++) idx[i] = Math.min((int) Math.floor((i + 0.5f) * scale), in - 1);
		return idx;
	}

	/** torch's linear interpolation weights (align_corners = False) for resizing {@code in} samples to {@code out}. */
	static final class Linear {
		final int[] i0, i1;
		final double[] w0, w1;

		Linear(final int in, final int out) {
			i0 = new int[out];
			i1 = new int[out];
			w0 = new double[out];
			w1 = new double[out];
			final float scale = (float) in / out;
			for (int i = 0; i < out; i++) {
				if (in == out) {
					i0[i] = i1[i] = i;
					w0[i] = 1;
					continue;
				}
				float real = scale * (i + 0.5f) - 0.5f;
				if (real < 0) real = 0;
				final int lo = Math.min((int) Math.floor(real), in - 1);
				final float lambda = Math.min(Math.max(real - lo, 0f), 1f);
				i0[i] = lo;
				i1[i] = lo + (lo < in - 1 ? 1 : 0);
				w1[i] = lambda;
				w0[i] = 1f - lambda;
			}
		}
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("scales", scales).map();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "scales=[%.6f, %.6f, %.6f]", scales[0], scales[1], scales[2]);
	}
}
