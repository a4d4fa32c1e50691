package org.medprep.core.fft;

import java.util.List;

import net.imglib2.parallel.Parallelization;

/**
 * Reads a few things off the 3D spectrum of a real volume without keeping it:
 * the coefficients at given frequencies and the largest coefficient elsewhere,
 * in numpy's order for complex numbers (real part first, then imaginary
 * part), which is what TorchIO's {@code spectrum.max()} takes.
 * <p>
 * {@link #full}: the x and y transforms of each plane (in parallel, stored as
 * float like TorchIO's complex64), then the z transform of each line (in
 * parallel by y row), each line's coefficients compared as they come; the
 * maximum is a selection, so it is the same whatever the thread count.
 * {@link #coefficients}: the defining sums for a few frequencies, plane by
 * plane, summed in plane order.
 */
public final class KSpaceProbe {

	private KSpaceProbe() {}

	/** What was read: {@code valueRe/Im[i]} at frequency i, and the maximum over all other frequencies. */
	public static final class Result {
		public final double[] valueRe, valueIm;
		public final double maxRe, maxIm;

		Result(final double[] valueRe, final double[] valueIm, final double maxRe, final double maxIm) {
			this.valueRe = valueRe;
			this.valueIm = valueIm;
			this.maxRe = maxRe;
			this.maxIm = maxIm;
		}
	}

	/** numpy's ordering of complex numbers: is (ar, ai) greater than (br, bi)? */
	public static boolean greater(final double ar, final double ai, final double br, final double bi) {
		return ar > br || (ar == br && ai > bi);
	}

	/**
	 * @param planes z planes of the volume, x fastest
	 * @param frequencies unshifted frequency indices (kx, ky, kz), distinct
	 */
	public static Result full(final float[][] planes, final int[] size, final int[][] frequencies) {
		final int nx = size[0], ny = size[1], nz = size[2];
		final float[][] re = new float[nz][nx * ny], im = new float[nz][nx * ny];
		final ComplexFft fx0 = new ComplexFft(nx), fy0 = new ComplexFft(ny), fz0 = new ComplexFft(nz);
		Parallelization.getTaskExecutor().forEach(KSpaceLineFilter.range(nz), z -> {
			final ComplexFft fx = fx0.copy(), fy = fy0.copy();
			final double[] a = new double[nx], b = new double[nx];
			final float[] p = planes[z], pr = re[z], pi = im[z];
			// two real rows per complex transform: row y as real part, row y+1 as imaginary part
			for (int y = 0; y < ny; y += 2) {
				final boolean pair = y + 1 < ny;
				for (int x = 0; x < nx; x++) {
					a[x] = p[y * nx + x];
					b[x] = pair ? p[(y + 1) * nx + x] : 0;
				}
				fx.forward(a, b);
				for (int k = 0; k < nx; k++) {
					final int m = (nx - k) % nx;
					// A_k = (Z_k + conj Z_-k) / 2, B_k = (Z_k - conj Z_-k) / 2i
					pr[y * nx + k] = (float) ((a[k] + a[m]) / 2);
					pi[y * nx + k] = (float) ((b[k] - b[m]) / 2);
					if (pair) {
						pr[(y + 1) * nx + k] = (float) ((b[k] + b[m]) / 2);
						pi[(y + 1) * nx + k] = (float) ((a[m] - a[k]) / 2);
					}
				}
			}
			final double[] cr = new double[ny], ci = new double[ny];
			for (int x = 0; x < nx; x++) {
				for (int y = 0; y < ny; y++) {
					cr[y] = pr[y * nx + x];
					ci[y] = pi[y * nx + x];
				}
				fy.forward(cr, ci);
				for (int y = 0; y < ny; y++) {
					pr[y * nx + x] = (float) cr[y];
					pi[y * nx + x] = (float) ci[y];
				}
			}
		});
		final int count = frequencies.length;
		final List<double[]> perRow = Parallelization.getTaskExecutor().forEachApply(KSpaceLineFilter.range(ny), y -> {
			final ComplexFft fz = fz0.copy();
			final double[] lr = new double[nz], li = new double[nz];
			final double[] row = new double[2 + 2 * count];
			row[0] = Double.NEGATIVE_INFINITY;
			row[1] = Double.NEGATIVE_INFINITY;
			for (int x = 0; x < nx; x++) {
				for (int z = 0; z < nz; z++) {
					lr[z] = re[z][y * nx + x];
					li[z] = im[z][y * nx + x];
				}
				fz.forward(lr, li);
				for (int k = 0; k < nz; k++) {
					int hit = -1;
					for (int f = 0; f < count; f++)
						if (frequencies[f][0] == x && frequencies[f][1] == y && frequencies[f][2] == k) hit = f;
					if (hit >= 0) {
						row[2 + 2 * hit] = lr[k];
						row[3 + 2 * hit] = li[k];
					} else if (greater(lr[k], li[k], row[0], row[1])) {
						row[0] = lr[k];
						row[1] = li[k];
					}
				}
			}
			return row;
		});
		final double[] vr = new double[count], vi = new double[count];
		double mr = Double.NEGATIVE_INFINITY, mi = Double.NEGATIVE_INFINITY;
		for (int y = 0; y < ny; y++) {
			final double[] row = perRow.get(y);
			if (greater(row[0], row[1], mr, mi)) {
				mr = row[0];
				mi = row[1];
			}
			for (int f = 0; f < count; f++)
				if (frequencies[f][1] == y) {
					vr[f] = row[2 + 2 * f];
					vi[f] = row[3 + 2 * f];
				}
		}
		return new Result(vr, vi, mr, mi);
	}

	/** The coefficients at the given frequencies by their defining sums (no maximum: NaN). */
	public static Result coefficients(final float[][] planes, final int[] size, final int[][] frequencies) {
		final int nx = size[0], ny = size[1], nz = size[2], count = frequencies.length;
		final double[][][] ex = new double[count][][], ey = new double[count][][];
		for (int f = 0; f < count; f++) {
			ex[f] = phases(frequencies[f][0], nx);
			ey[f] = phases(frequencies[f][1], ny);
		}
		final List<double[]> perPlane = Parallelization.getTaskExecutor().forEachApply(KSpaceLineFilter.range(nz), z -> {
			final double[] sums = new double[2 * count];
			final float[] p = planes[z];
			for (int f = 0; f < count; f++) {
				double sr = 0, si = 0;
				for (int y = 0; y < ny; y++) {
					double rr = 0, ri = 0;
					for (int x = 0; x < nx; x++) {
						rr += p[y * nx + x] * ex[f][0][x];
						ri += p[y * nx + x] * ex[f][1][x];
					}
					sr += rr * ey[f][0][y] - ri * ey[f][1][y];
					si += rr * ey[f][1][y] + ri * ey[f][0][y];
				}
				final double a = -2 * Math.PI * ((long) frequencies[f][2] * z % nz) / nz, c = Math.cos(a), s = Math.sin(a);
				sums[2 * f] = sr * c - si * s;
				sums[2 * f + 1] = sr * s + si * c;
			}
			return sums;
		});
		final double[] vr = new double[count], vi = new double[count];
		for (final double[] s : perPlane)
			for (int f = 0; f < count; f++) {
				vr[f] += s[2 * f];
				vi[f] += s[2 * f + 1];
			}
		return new Result(vr, vi, Double.NaN, Double.NaN);
	}

	/** {@code e^(-2 pi i k j / n)} for j in [0, n): {@code [0]} real parts, {@code [1]} imaginary parts. */
	static double[][] phases(final int k, final int n) {
		final double[][] e = new double[2][n];
		for (int j = 0; j < n; j++) {
			final double a = -2 * Math.PI * ((long) k * j % n) / n;
			e[0][j] = Math.cos(a);
			e[1][j] = Math.sin(a);
		}
		return e;
	}
}
