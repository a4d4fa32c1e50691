package org.medprep.core.spatial;

import net.imglib2.parallel.Parallelization;

/**
 * Separable Gaussian smoothing of a float volume in place, in O(N) whatever
 * sigma (so the elastic field with sigma 35 costs what sigma 3 costs).
 * <p>
 * Per line: for {@code sigma < 5} voxels the exact sampled Gaussian kernel,
 * truncated at 4 sigma and normalised (like scipy's {@code gaussian_filter},
 * at most 41 taps), without the taps below {@link #NEGLIGIBLE_TAP} of the
 * centre tap: they cannot show in a float result. A sigma below about 0.17
 * voxels (the anti-aliasing of a mild downsampling, 1.2 to 1.5 mm) leaves the
 * centre tap alone, and such an axis is left as it is; from 5 voxels on, the third-order recursive filter of
 * Young and van Vliet (Signal Processing 44, 1995), one causal and one
 * anti-causal pass, about 14 operations per voxel whatever sigma. Its
 * parameter q is calibrated (bisection, once per filter) so that the peak of
 * the impulse response equals the sampled Gaussian's; the response then
 * deviates from the Gaussian by at most 3.5% of the peak everywhere, but its
 * exponential tails are heavier, so its standard deviation is about 8-10%
 * above sigma (both checked in the tests). Plenty for anti-aliasing of
 * strong downsampling and for elastic fields, not for measurements. Boundaries:
 * the edge value repeats ({@code 'nearest'}); the recursive passes get exact
 * steady-state initial values on the left and 4 sigma of edge padding on the
 * right.
 */
public final class GaussianSmoothing {

	/** Below this sigma (voxels) the exact FIR kernel is used. */
	public static final double RECURSIVE_FROM = 5;

	/**
	 * Taps below this fraction of the centre tap are left out of the FIR kernel:
	 * half a float32 ulp of 1, so a left-out tap times a value no larger than the
	 * centre voxel's moves the float sum by less than half an ulp of that value
	 * (a voxel far smaller than its neighbours, such as 0 beside -1000, can move by
	 * about 1e-14 of the neighbours, below 1e-10 HU for CT values).
	 */
	public static final double NEGLIGIBLE_TAP = 0x1p-24;

	private GaussianSmoothing() {}

	/**
	 * Smooths {@code data} (x fastest, size {@code n}) with a sigma per axis in
	 * voxels; an axis with sigma 0 is left alone.
	 * @throws IllegalArgumentException if a sigma is negative or not finite
	 */
	public static void smooth(final float[] data, final int[] n, final double[] sigma) {
		for (int d = 0; d < 3; d++)
			if (!(sigma[d] >= 0) || !Double.isFinite(sigma[d]))
				throw new IllegalArgumentException("Gaussian sigma along " + "xyz".charAt(d) + " must be >= 0 and finite, got " + sigma[d]);
		if ((long) n[0] * n[1] * n[2] != data.length) throw new IllegalArgumentException("data length does not match the size");
		final int nx = n[0], ny = n[1], nz = n[2];
		if (!leavesAlone(sigma[0]) && nx > 1) Parallelization.getTaskExecutor().forEach(PaddedSamples.range(nz), z -> {
			final double[] line = new double[nx];
			final Line1D f = new Line1D(sigma[0], nx);
			final double[] sum = f.kernel == null ? null : new double[nx];
			for (int y = 0; y < ny; y++) {
				final int o = (z * ny + y) * nx;
				for (int i = 0; i < nx; i++) line[i] = data[o + i];
				if (sum != null) {
					f.applyByTap(line, sum);
					for (int i = 0; i < nx; i++) data[o + i] = (float) sum[i];
					continue;
				}
				f.apply(line);
				for (int i = 0; i < nx; i++) data[o + i] = (float) line[i];
			}
		});
		if (!leavesAlone(sigma[1]) && ny > 1) Parallelization.getTaskExecutor().forEach(PaddedSamples.range(nz), z -> {
			final Line1D f = new Line1D(sigma[1], ny);
			if (f.kernel != null) {
				// rows at a time: contiguous, and the same sums term by term as line by line
				final int o = z * ny * nx;
				final float[] plane = java.util.Arrays.copyOfRange(data, o, o + ny * nx);
				f.applyAcrossRows(plane, nx, ny, data, o);
				return;
			}
			final double[] line = new double[ny];
			for (int x = 0; x < nx; x++) {
				final int o = z * ny * nx + x;
				for (int i = 0; i < ny; i++) line[i] = data[o + i * nx];
				f.apply(line);
				for (int i = 0; i < ny; i++) data[o + i * nx] = (float) line[i];
			}
		});
		if (!leavesAlone(sigma[2]) && nz > 1) Parallelization.getTaskExecutor().forEach(PaddedSamples.range(ny), y -> {
			final float[] slab = new float[nz * nx];
			for (int z = 0; z < nz; z++) System.arraycopy(data, (z * ny + y) * nx, slab, z * nx, nx);
			final Line1D f = new Line1D(sigma[2], nz);
			if (f.kernel != null) {
				final float[] smoothed = new float[nz * nx];
				f.applyAcrossRows(slab, nx, nz, smoothed, 0);
				for (int z = 0; z < nz; z++) System.arraycopy(smoothed, z * nx, data, (z * ny + y) * nx, nx);
				return;
			}
			final double[] line = new double[nz];
			for (int x = 0; x < nx; x++) {
				for (int i = 0; i < nz; i++) line[i] = slab[i * nx + x];
				f.apply(line);
				for (int i = 0; i < nz; i++) slab[i * nx + x] = (float) line[i];
			}
			for (int z = 0; z < nz; z++) System.arraycopy(slab, z * nx, data, (z * ny + y) * nx, nx);
		});
	}

	/**
	 * True if smoothing with {@code sigma} (voxels) changes nothing: sigma 0, or a
	 * kernel whose neighbours of the centre are all below {@link #NEGLIGIBLE_TAP}.
	 */
	public static boolean leavesAlone(final double sigma) {
		return sigma == 0 || firRadius(sigma) == 0;
	}

	/** How many taps the FIR kernel has on each side of the centre: up to 4 sigma (at least 1), those of at least {@link #NEGLIGIBLE_TAP}. */
	static int firRadius(final double sigma) {
		int radius = Math.max(1, (int) Math.ceil(4 * sigma));
		while (radius > 0 && tap(radius, sigma) < NEGLIGIBLE_TAP) radius--;
		return radius;
	}

	/** The unnormalised kernel's tap {@code i}: 1 at the centre. */
	private static double tap(final int i, final double sigma) {
		return Math.exp(-0.5 * i * i / (sigma * sigma));
	}

	/** Smooths one line in place (edge values repeat beyond the ends). */
	public static void smoothLine(final double[] line, final double sigma) {
		if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("Gaussian sigma must be > 0 and finite, got " + sigma);
		new Line1D(sigma, line.length).apply(line);
	}

	/** Filter state for lines of one length; one per task. */
	static final class Line1D {
		/** The FIR taps (sigma below {@link #RECURSIVE_FROM}), else null. */
		final double[] kernel;
		private final double[] buffer;
		private final int pad;
		private final double b, b1, b2, b3;

		Line1D(final double sigma, final int n) {
			if (sigma < RECURSIVE_FROM) {
				final int radius = firRadius(sigma);
				kernel = new double[2 * radius + 1];
				double sum = 0;
				for (int i = -radius; i <= radius; i++) sum += kernel[i + radius] = tap(i, sigma);
				for (int i = 0; i < kernel.length; i++) kernel[i] /= sum;
				buffer = new double[n + 2 * radius];
				pad = radius;
				b = b1 = b2 = b3 = 0;
			} else {
				kernel = null;
				pad = (int) Math.ceil(4 * sigma);
				buffer = new double[n + pad];
				final double[] c = coefficients(calibratedQ(sigma));
				b1 = c[0];
				b2 = c[1];
				b3 = c[2];
				b = 1 - (b1 + b2 + b3);
			}
		}

		/** b1, b2, b3 (already divided by b0) of Young and van Vliet for the parameter q. */
		static double[] coefficients(final double q) {
			final double q2 = q * q, q3 = q2 * q;
			final double b0 = 1.57825 + 2.44413 * q + 1.4281 * q2 + 0.422205 * q3;
			return new double[] { (2.44413 * q + 2.85619 * q2 + 1.26661 * q3) / b0, -(1.4281 * q2 + 1.26661 * q3) / b0, 0.422205 * q3 / b0 };
		}

		/**
		 * The paper's {@code q = 0.98711 sigma - 0.96330} gives a response whose
		 * peak is about 3% off; q is refined by bisection so that the peak of the
		 * causal + anti-causal response equals the sampled Gaussian's (O(sigma) once per filter).
		 */
		static double calibratedQ(final double sigma) {
			double lo = 0.5 * (0.98711 * sigma - 0.96330), hi = 1.5 * (0.98711 * sigma - 0.96330);
			double norm = 0;
			for (int k = -(int) Math.ceil(8 * sigma); k <= Math.ceil(8 * sigma); k++) norm += Math.exp(-0.5 * k * k / (sigma * sigma));
			final double peak = 1 / norm;
			for (int it = 0; it < 50; it++) {
				final double mid = 0.5 * (lo + hi);
				if (responsePeak(mid, sigma) < peak) hi = mid;
				else lo = mid;
			}
			return 0.5 * (lo + hi);
		}

		/** Value at 0 of the causal + anti-causal response: the sum of the squared causal response. */
		private static double responsePeak(final double q, final double sigma) {
			final double[] c = coefficients(q);
			final double gain = 1 - (c[0] + c[1] + c[2]);
			final int length = (int) Math.ceil(30 * sigma) + 50;
			double w1 = 0, w2 = 0, w3 = 0, p = 0;
			for (int k = 0; k < length; k++) {
				final double w = (k == 0 ? gain : 0) + c[0] * w1 + c[1] * w2 + c[2] * w3;
				p += w * w;
				w3 = w2;
				w2 = w1;
				w1 = w;
			}
			return p;
		}

		/**
		 * The FIR filter of {@code line} into {@code out}, one tap at a time over the
		 * whole line (a loop the JIT turns into vector instructions): each output adds
		 * the same products in the same order as {@link #apply}, so the bits are its bits.
		 */
		void applyByTap(final double[] line, final double[] out) {
			final int n = line.length;
			for (int i = 0; i < pad; i++) {
				buffer[i] = line[0];
				buffer[n + pad + i] = line[n - 1];
			}
			System.arraycopy(line, 0, buffer, pad, n);
			java.util.Arrays.fill(out, 0, n, 0);
			for (int j = 0; j < kernel.length; j++) {
				final double kj = kernel[j];
				for (int i = 0; i < n; i++) out[i] += kj * buffer[i + j];
			}
		}

		/**
		 * The FIR filter along the rows of {@code src} ({@code rows} rows of {@code width}
		 * values): output row r is the kernel's sum of the rows around r (edge rows
		 * repeat), written to {@code out} from {@code at}. Whole rows per tap, so the
		 * loops are contiguous; each voxel gets the same products in the same order as
		 * {@link #apply} on its line.
		 */
		void applyAcrossRows(final float[] src, final int width, final int rows, final float[] out, final int at) {
			final double[] sum = new double[width];
			for (int r = 0; r < rows; r++) {
				java.util.Arrays.fill(sum, 0);
				for (int j = 0; j < kernel.length; j++) {
					final double kj = kernel[j];
					final int from = Math.min(rows - 1, Math.max(0, r + j - pad)) * width;
					for (int i = 0; i < width; i++) sum[i] += kj * src[from + i];
				}
				final int o = at + r * width;
				for (int i = 0; i < width; i++) out[o + i] = (float) sum[i];
			}
		}

		void apply(final double[] line) {
			final int n = line.length;
			if (kernel != null) {
				for (int i = 0; i < pad; i++) {
					buffer[i] = line[0];
					buffer[n + pad + i] = line[n - 1];
				}
				System.arraycopy(line, 0, buffer, pad, n);
				final int k = kernel.length;
				for (int i = 0; i < n; i++) {
					double s = 0;
					for (int j = 0; j < k; j++) s += kernel[j] * buffer[i + j];
					line[i] = s;
				}
				return;
			}
			final int m = n + pad;
			System.arraycopy(line, 0, buffer, 0, n);
			for (int i = n; i < m; i++) buffer[i] = line[n - 1];
			// causal: steady state of a constant signal equal to the first value
			double w1 = buffer[0], w2 = buffer[0], w3 = buffer[0];
			for (int i = 0; i < m; i++) {
				final double w = b * buffer[i] + b1 * w1 + b2 * w2 + b3 * w3;
				buffer[i] = w;
				w3 = w2;
				w2 = w1;
				w1 = w;
			}
			double y1 = buffer[m - 1], y2 = y1, y3 = y1;
			for (int i = m - 1; i >= 0; i--) {
				final double y = b * buffer[i] + b1 * y1 + b2 * y2 + b3 * y3;
				buffer[i] = y;
				y3 = y2;
				y2 = y1;
				y1 = y;
			}
			System.arraycopy(buffer, 0, line, 0, n);
		}
	}
}
