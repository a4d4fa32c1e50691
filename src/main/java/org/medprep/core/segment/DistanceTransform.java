package org.medprep.core.segment;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.parallel.Parallelization;

/**
 * Exact Euclidean distance transform in mm (anisotropic spacing), as
 * {@code scipy.ndimage.distance_transform_edt(~mask, sampling=spacing)}: for
 * each voxel the distance to the nearest voxel of the mask (0 on the mask).
 * Separable lower-envelope passes along x, y and z (Felzenszwalb and
 * Huttenlocher 2012), each line independent, so the result is the same
 * whatever the thread count. Only voxels of the array count: the world beyond
 * its faces is neither mask nor background.
 */
public final class DistanceTransform {

	private DistanceTransform() {}

	/**
	 * Squared distances (mm^2), float, x fastest.
	 * @param mask non-zero = mask voxel
	 * @return {@link Float#POSITIVE_INFINITY} everywhere if the mask is empty
	 */
	public static float[] squaredToMask(final int[] mask, final int[] size, final double[] spacing) {
		final int nx = size[0], ny = size[1], nz = size[2];
		final float[] d = new float[mask.length];
		for (int i = 0; i < mask.length; i++) d[i] = mask[i] != 0 ? 0 : Float.POSITIVE_INFINITY;
		// x lines, then y lines, then z lines
		pass(d, nx, 1, lines(ny * nz, k -> k * nx), spacing[0]);
		pass(d, ny, nx, lines(nx * nz, k -> (k / nx) * nx * ny + k % nx), spacing[1]);
		pass(d, nz, nx * ny, lines(nx * ny, k -> k), spacing[2]);
		return d;
	}

	/** 1 where the distance to the mask is at most {@code radiusMm} (the mask dilated by a ball). */
	public static int[] dilate(final int[] mask, final int[] size, final double[] spacing, final double radiusMm) {
		final float[] d = squaredToMask(mask, size, spacing);
		final double r2 = radiusMm * radiusMm * (1 + 1e-6); // the ball includes its surface, whatever float rounding did
		final int[] out = new int[mask.length];
		for (int i = 0; i < out.length; i++) out[i] = d[i] <= r2 ? 1 : 0;
		return out;
	}

	/** 1 where the mask's complement is farther than {@code radiusMm} (the mask eroded by a ball). */
	public static int[] erode(final int[] mask, final int[] size, final double[] spacing, final double radiusMm) {
		final int[] complement = new int[mask.length];
		for (int i = 0; i < mask.length; i++) complement[i] = mask[i] != 0 ? 0 : 1;
		final int[] grown = dilate(complement, size, spacing, radiusMm);
		for (int i = 0; i < grown.length; i++) grown[i] = grown[i] != 0 ? 0 : 1;
		return grown;
	}

	private interface LineStart {
		int of(int k);
	}

	private static int[] lines(final int count, final LineStart start) {
		final int[] s = new int[count];
		for (int k = 0; k < count; k++) s[k] = start.of(k);
		return s;
	}

	/** One 1D pass over every line (length n, stride) in parallel chunks. */
	private static void pass(final float[] d, final int n, final int stride, final int[] starts, final double spacing) {
		final int chunks = Math.max(1, Math.min(starts.length, 64));
		final List<Integer> tasks = new ArrayList<>(chunks);
		for (int c = 0; c < chunks; c++) tasks.add(c);
		final double s2 = spacing * spacing;
		Parallelization.getTaskExecutor().forEach(tasks, c -> {
			final double[] f = new double[n], out = new double[n], zBound = new double[n + 1];
			final int[] v = new int[n];
			for (int k = c; k < starts.length; k += chunks) {
				final int o = starts[k];
				for (int i = 0; i < n; i++) f[i] = d[o + i * stride];
				lowerEnvelope(f, n, s2, out, v, zBound);
				for (int i = 0; i < n; i++) d[o + i * stride] = (float) out[i];
			}
		});
	}

	/** Where the parabolas of p and q (p < q) cross. */
	private static double intersection(final double[] f, final double s2, final int p, final int q) {
		return ((f[q] + s2 * q * q) - (f[p] + s2 * p * p)) / (2 * s2 * (q - p));
	}

	/** out[q] = min_p (f[p] + s2 (q - p)^2), f may hold +infinity. */
	private static void lowerEnvelope(final double[] f, final int n, final double s2, final double[] out, final int[] v, final double[] z) {
		int k = -1;
		for (int q = 0; q < n; q++) {
			if (f[q] == Double.POSITIVE_INFINITY) continue;
			if (k < 0) {
				k = 0;
				v[0] = q;
				z[0] = Double.NEGATIVE_INFINITY;
				z[1] = Double.POSITIVE_INFINITY;
				continue;
			}
			// drop the parabolas the new one hides (z[0] = -infinity stops the loop at the first)
			double s;
			while ((s = intersection(f, s2, v[k], q)) <= z[k]) k--;
			k++;
			v[k] = q;
			z[k] = s;
			z[k + 1] = Double.POSITIVE_INFINITY;
		}
		if (k < 0) {
			for (int q = 0; q < n; q++) out[q] = Double.POSITIVE_INFINITY;
			return;
		}
		int j = 0;
		for (int q = 0; q < n; q++) {
			while (z[j + 1] < q) j++;
			final int p = v[j];
			out[q] = f[p] + s2 * (q - p) * (double) (q - p);
		}
	}
}
