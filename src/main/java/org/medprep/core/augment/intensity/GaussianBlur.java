package org.medprep.core.augment.intensity;

import org.medprep.core.Labelled;
import java.util.Locale;

import org.medprep.core.Volume;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Separable Gaussian blur with a sigma per axis in voxels, with one of the two
 * anchors' sampled kernels (each pass computed in double, stored in float, as
 * both store float32 between passes):
 * <ul>
 * <li>{@link Kernel#SCIPY}: TorchIO's {@code Blur}
 * (torchio/transforms/augmentation/intensity/random_blur.py) calls
 * {@code scipy.ndimage.gaussian_filter}: radius {@code int(4 sigma + 0.5)},
 * boundary {@code 'reflect'} ({@code d c b a | a b c d}).</li>
 * <li>{@link Kernel#NNUNET}: nnU-Net's {@code GaussianBlurTransform}
 * (batchgeneratorsv2/transforms/noise/gaussian_blur.py): {@code 6 sigma + 0.5}
 * rounded (half to even, as Python) to the nearest odd size, torch's
 * {@code 'reflect'} padding, which is whole-sample symmetric
 * ({@code d c b | a b c d}).</li>
 * </ul>
 * An axis with sigma 0 is left alone (scipy skips it too). Planes are blurred
 * along x and y in parallel, z lines in parallel by y row.
 */
public final class GaussianBlur implements IntensityDraw {

	public enum Kernel implements Labelled {
		SCIPY("scipy (TorchIO)"), NNUNET("nnU-Net");

		private final String label;

		Kernel(final String label) { this.label = label; }

		@Override
		public String label() { return label; }

		/** @throws IllegalArgumentException naming the choices */
		public static Kernel fromLabel(final String label) {
			for (final Kernel k : values())
				if (k.label.equalsIgnoreCase(label) || k.name().equalsIgnoreCase(label)) return k;
			throw new IllegalArgumentException("unknown blur kernel '" + label + "'; choose 'scipy (TorchIO)' or 'nnU-Net'");
		}

		/** The normalised weights, centre at index (length - 1) / 2. */
		double[] weights(final double sigma) {
			final int half;
			if (this == SCIPY) half = (int) (4 * sigma + 0.5);
			else half = (nearestOdd(6 * sigma + 0.5) - 1) / 2;
			final double[] w = new double[2 * half + 1];
			double sum = 0;
			for (int j = -half; j <= half; j++) sum += w[j + half] = Math.exp(-0.5 * (j / sigma) * (j / sigma));
			for (int j = 0; j < w.length; j++) w[j] /= sum;
			return w;
		}

		/** Index {@code i} of a line of {@code n} samples reflected into [0, n). */
		int reflect(int i, final int n) {
			if (n == 1) return 0;
			if (this == SCIPY) {
				final int period = 2 * n;
				i = Math.floorMod(i, period);
				return i < n ? i : period - 1 - i;
			}
			final int period = 2 * (n - 1);
			i = Math.floorMod(i, period);
			return i < n ? i : period - i;
		}
	}

	/** nnU-Net's {@code _round_to_nearest_odd}: Python's round (half to even), then the odd neighbour on the side of the value. */
	static int nearestOdd(final double v) {
		final int r = (int) Math.rint(v);
		if (Math.floorMod(r, 2) == 1) return r;
		return v - r >= 0 ? r + 1 : r - 1;
	}

	private final double[] sigma;
	private final Kernel kernel;

	/** @throws IllegalArgumentException unless every sigma is &gt;= 0 and finite */
	public GaussianBlur(final double[] sigmaVoxels, final Kernel kernel) {
		if (sigmaVoxels == null || sigmaVoxels.length != 3) throw new IllegalArgumentException("blur needs a sigma per axis (x, y, z)");
		for (int d = 0; d < 3; d++)
			if (!(sigmaVoxels[d] >= 0) || !Double.isFinite(sigmaVoxels[d]))
				throw new IllegalArgumentException("blur sigma along " + "xyz".charAt(d) + " must be >= 0 and finite, got " + sigmaVoxels[d]);
		this.sigma = sigmaVoxels.clone();
		this.kernel = kernel;
	}

	public double[] sigma() { return sigma.clone(); }

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final PlanarImg<FloatType, FloatArray> out = IntensityPlanes.floatCopy(image.data());
		final float[][] planes = IntensityPlanes.planes(out);
		final int nx = (int) out.dimension(0), ny = (int) out.dimension(1), nz = (int) out.dimension(2);
		if (sigma[0] > 0 || sigma[1] > 0) {
			final double[] wx = sigma[0] > 0 ? kernel.weights(sigma[0]) : null, wy = sigma[1] > 0 ? kernel.weights(sigma[1]) : null;
			Parallelization.getTaskExecutor().forEach(IntensityPlanes.range(nz), z -> {
				final float[] p = planes[z];
				if (wx != null) {
					final Line line = new Line(nx, wx);
					for (int y = 0; y < ny; y++) {
						for (int x = 0; x < nx; x++) line.set(x, p[y * nx + x]);
						line.convolve(p, y * nx, 1);
					}
				}
				if (wy != null) {
					final Line line = new Line(ny, wy);
					for (int x = 0; x < nx; x++) {
						for (int y = 0; y < ny; y++) line.set(y, p[y * nx + x]);
						line.convolve(p, x, nx);
					}
				}
			});
		}
		if (sigma[2] > 0 && nz > 1) {
			final double[] wz = kernel.weights(sigma[2]);
			Parallelization.getTaskExecutor().forEach(IntensityPlanes.range(ny), y -> {
				final float[] slab = new float[nz * nx];
				for (int z = 0; z < nz; z++) System.arraycopy(planes[z], y * nx, slab, z * nx, nx);
				final Line line = new Line(nz, wz);
				for (int x = 0; x < nx; x++) {
					for (int z = 0; z < nz; z++) line.set(z, slab[z * nx + x]);
					line.convolve(slab, x, nx);
				}
				for (int z = 0; z < nz; z++) System.arraycopy(slab, z * nx, planes[z], y * nx, nx);
			});
		}
		return image.withData(out);
	}

	/**
	 * One line with its border filled by the kernel's boundary rule, convolved
	 * with a symmetric kernel as scipy's correlate1d does: centre weight times
	 * the sample plus each outer weight times the sum of its two samples.
	 */
	private final class Line {
		private final int n, half;
		private final double[] buf, w;

		Line(final int n, final double[] weights) {
			this.n = n;
			this.w = weights;
			this.half = (weights.length - 1) / 2;
			this.buf = new double[n + 2 * half];
		}

		void set(final int i, final float v) {
			buf[half + i] = v;
		}

		/** out[off + i*stride] for i in [0, n); call after setting all n samples. */
		void convolve(final float[] out, final int off, final int stride) {
			for (int i = 1; i <= half; i++) {
				buf[half - i] = buf[half + kernel.reflect(-i, n)];
				buf[half + n - 1 + i] = buf[half + kernel.reflect(n - 1 + i, n)];
			}
			final double c = w[half];
			for (int i = 0; i < n; i++) {
				final int m = i + half;
				double s = c * buf[m];
				for (int j = 1; j <= half; j++) s += w[half + j] * (buf[m + j] + buf[m - j]);
				out[off + i * stride] = (float) s;
			}
		}
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("sigma_voxels", sigma).put("kernel", kernel.name().toLowerCase(Locale.ROOT)).map();
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "sigma_voxels=[%.6f, %.6f, %.6f] kernel=%s", sigma[0], sigma[1], sigma[2], kernel.label());
	}
}
