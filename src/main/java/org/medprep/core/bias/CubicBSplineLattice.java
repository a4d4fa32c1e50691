package org.medprep.core.bias;

import java.util.ArrayList;
import java.util.List;

import org.medprep.core.spatial.CubicBSpline;

import net.imglib2.parallel.Parallelization;

/**
 * A uniform cubic B-spline over a 3D voxel domain: the control-point lattice of
 * ITK's {@code BSplineScatteredDataPointSetToImageFilter} /
 * {@code BSplineControlPointImageFilter}. The domain [0, n_d - 1] (voxel
 * coordinates of the full-resolution image) maps onto the parametric range
 * [0, mesh_d]; the lattice holds mesh_d + 3 control points per axis.
 * <p>
 * {@link #fit} is Lee, Wolberg &amp; Shin's (1997) B-spline approximation,
 * one level, as ITK runs it inside N4: each data point spreads
 * {@code w_k z / sum w^2} to its 4x4x4 control points, each control point
 * takes the w^2-weighted average. {@link #refine} doubles the mesh exactly
 * (the cubic two-scale relation), as ITK's {@code RefineControlPointLattice}.
 */
final class CubicBSplineLattice {

	private static final int CHUNK = 8192;

	final int[] domain; // n_d, voxels along each axis of the full image
	final int[] mesh;
	final int[] size; // mesh + 3
	final double[] c; // x fastest

	CubicBSplineLattice(final int[] domain, final int[] mesh) {
		this.domain = domain.clone();
		this.mesh = mesh.clone();
		this.size = new int[] { mesh[0] + 3, mesh[1] + 3, mesh[2] + 3 };
		this.c = new double[size[0] * size[1] * size[2]];
	}

	/** Parametric coordinate of voxel coordinate {@code x} along axis d. */
	double parametric(final int d, final double x) {
		return domain[d] > 1 ? x / (domain[d] - 1) * mesh[d] : 0;
	}

	/** Lattice index of the first of the 4 control points for parametric u, and the fractional part in {@code t[0]}. */
	int span(final int d, final double u, final double[] t) {
		int j = (int) Math.floor(u);
		if (j >= mesh[d]) j = mesh[d] - 1; // the closed end of the domain
		if (j < 0) j = 0;
		t[0] = u - j;
		return j;
	}

	/**
	 * A lattice fitted to scattered values.
	 *
	 * @param points voxel coordinates, x y z interleaved
	 * @param values one per point
	 */
	static CubicBSplineLattice fit(final int[] domain, final int[] mesh, final double[] points, final double[] values) {
		final CubicBSplineLattice lattice = new CubicBSplineLattice(domain, mesh);
		final int n = values.length;
		final int cells = lattice.c.length;
		final List<int[]> chunks = new ArrayList<>();
		for (int s = 0; s < n; s += CHUNK) chunks.add(new int[] { s, Math.min(n, s + CHUNK) });
		final List<double[]> partial = Parallelization.getTaskExecutor().forEachApply(chunks, ch -> {
			final double[] acc = new double[2 * cells]; // delta, omega
			final double[] w = new double[12], t = new double[1];
			final int[] j = new int[3];
			for (int p = ch[0]; p < ch[1]; p++) {
				for (int d = 0; d < 3; d++) {
					j[d] = lattice.span(d, lattice.parametric(d, points[3 * p + d]), t);
					CubicBSpline.weights(t[0], w, 4 * d);
				}
				double w2 = 0;
				for (int c = 0; c < 4; c++)
					for (int b = 0; b < 4; b++)
						for (int a = 0; a < 4; a++) {
							final double ww = w[a] * w[4 + b] * w[8 + c];
							w2 += ww * ww;
						}
				final double z = values[p];
				for (int c = 0; c < 4; c++)
					for (int b = 0; b < 4; b++) {
						final int row = ((j[2] + c) * lattice.size[1] + j[1] + b) * lattice.size[0] + j[0];
						for (int a = 0; a < 4; a++) {
							final double ww = w[a] * w[4 + b] * w[8 + c];
							final double w2k = ww * ww;
							acc[row + a] += w2k * (ww * z / w2);
							acc[cells + row + a] += w2k;
						}
					}
			}
			return acc;
		});
		final double[] delta = new double[cells], omega = new double[cells];
		for (final double[] acc : partial)
			for (int k = 0; k < cells; k++) {
				delta[k] += acc[k];
				omega[k] += acc[cells + k];
			}
		for (int k = 0; k < cells; k++) lattice.c[k] = omega[k] != 0 ? delta[k] / omega[k] : 0;
		return lattice;
	}

	void add(final CubicBSplineLattice other) {
		for (int k = 0; k < c.length; k++) c[k] += other.c[k];
	}

	/** The same spline on a mesh twice as fine along every axis. */
	CubicBSplineLattice refine() {
		final CubicBSplineLattice out = new CubicBSplineLattice(domain, new int[] { 2 * mesh[0], 2 * mesh[1], 2 * mesh[2] });
		// refine one axis at a time: c'_{2k-1} = (c_{k-1} + 6 c_k + c_{k+1}) / 8, c'_{2k} = (c_k + c_{k+1}) / 2
		double[] cur = c;
		int[] curSize = size.clone();
		for (int d = 0; d < 3; d++) {
			final int[] nextSize = curSize.clone();
			nextSize[d] = out.size[d];
			final double[] next = new double[nextSize[0] * nextSize[1] * nextSize[2]];
			final int[] idx = new int[3];
			for (idx[2] = 0; idx[2] < nextSize[2]; idx[2]++)
				for (idx[1] = 0; idx[1] < nextSize[1]; idx[1]++)
					for (idx[0] = 0; idx[0] < nextSize[0]; idx[0]++) {
						final int l = idx[d];
						double v;
						if ((l & 1) == 0) {
							final int k = l / 2;
							v = 0.5 * (at(cur, curSize, idx, d, k) + at(cur, curSize, idx, d, k + 1));
						}
						else {
							final int k = (l + 1) / 2;
							v = (at(cur, curSize, idx, d, k - 1) + 6 * at(cur, curSize, idx, d, k) + at(cur, curSize, idx, d, k + 1)) / 8;
						}
						next[(idx[2] * nextSize[1] + idx[1]) * nextSize[0] + idx[0]] = v;
					}
			cur = next;
			curSize = nextSize;
		}
		System.arraycopy(cur, 0, out.c, 0, out.c.length);
		return out;
	}

	private static double at(final double[] a, final int[] s, final int[] idx, final int d, final int k) {
		if (k < 0 || k >= s[d]) return 0; // never reached for in-domain refinement, kept for safety
		final int x = d == 0 ? k : idx[0], y = d == 1 ? k : idx[1], z = d == 2 ? k : idx[2];
		return a[(z * s[1] + y) * s[0] + x];
	}

	/** The spline at voxel coordinates (x, y, z). */
	double evaluate(final double x, final double y, final double z) {
		final double[] w = new double[12], t = new double[1];
		final int j0 = span(0, parametric(0, x), t);
		CubicBSpline.weights(t[0], w, 0);
		final int j1 = span(1, parametric(1, y), t);
		CubicBSpline.weights(t[0], w, 4);
		final int j2 = span(2, parametric(2, z), t);
		CubicBSpline.weights(t[0], w, 8);
		double sum = 0;
		for (int cc = 0; cc < 4; cc++)
			for (int b = 0; b < 4; b++) {
				final int row = ((j2 + cc) * size[1] + j1 + b) * size[0] + j0;
				final double wbc = w[4 + b] * w[8 + cc];
				for (int a = 0; a < 4; a++) sum += w[a] * wbc * c[row + a];
			}
		return sum;
	}

	/** Weights and spans of every voxel coordinate 0..n-1 along axis d (for separable evaluation). */
	double[] axisWeights(final int d, final int[] spans) {
		final double[] w = new double[4 * domain[d]], t = new double[1];
		for (int i = 0; i < domain[d]; i++) {
			spans[i] = span(d, parametric(d, i), t);
			CubicBSpline.weights(t[0], w, 4 * i);
		}
		return w;
	}

	/**
	 * The spline at every voxel of plane z of the full domain, x fastest:
	 * contracted along z, then y, then x (separable, a few operations per voxel).
	 */
	void evaluatePlane(final int z, final double[] wx, final int[] sx, final double[] wy, final int[] sy, final double[] wz, final int[] sz,
		final float[] out, final boolean exp)
	{
		final int nx = domain[0], ny = domain[1];
		final double[] plane = new double[size[0] * size[1]];
		for (int cc = 0; cc < 4; cc++) {
			final double wc = wz[4 * z + cc];
			final int base = (sz[z] + cc) * size[0] * size[1];
			for (int k = 0; k < plane.length; k++) plane[k] += wc * c[base + k];
		}
		final double[] line = new double[size[0]];
		for (int y = 0; y < ny; y++) {
			java.util.Arrays.fill(line, 0);
			for (int b = 0; b < 4; b++) {
				final double wb = wy[4 * y + b];
				final int base = (sy[y] + b) * size[0];
				for (int a = 0; a < size[0]; a++) line[a] += wb * plane[base + a];
			}
			for (int x = 0; x < nx; x++) {
				final int j = sx[x];
				final double v = wx[4 * x] * line[j] + wx[4 * x + 1] * line[j + 1] + wx[4 * x + 2] * line[j + 2] + wx[4 * x + 3] * line[j + 3];
				out[y * nx + x] = (float) (exp ? Math.exp(v) : v);
			}
		}
	}
}
