package org.medprep.core.augment.intensity;

import java.util.Locale;

import org.medprep.core.Planes;
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

	public enum Kernel {
		SCIPY("scipy (TorchIO)"), NNUNET("nnU-Net");

		private final String label;

		Kernel(final String label) { this.label = label; }

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
		final PlanarImg<FloatType, FloatArray> out = Planes.toFloat(image.data(), (z, in, o) -> {
			for (int i = 0; i < o.length; i++) o[i] = (float) in[i];
		});
		final float[][] planes = IntensityPlanes.planes(out);
		final int nx = (int) out.dimension(0), ny = (int) out.dimension(1), nz = (int) out.dimension(2);
		if (sigma[0] > 0 || sigma[1] > 0) {
			final double[] wx = sigma[0] > 0 ? kernel.weights(sigma[0]) : null, wy = sigma[1] > 0 ? kernel.weights(sigma[1]) : null;
			Parallelization.getTaskExecutor().forEach(IntensityPlanes.range(nz), z -> {
				final float[] p = planes[z];
				if (wx != null) {
					final float[] line = new float[nx];
					for (int y = 0; y < ny; y++) {
						System.arraycopy(p, y * nx, line, 0, nx);
						convolve(line, 0, 1, nx, wx, p, y * nx, 1);
					}
				}
				if (wy != null) {
					final float[] line = new float[ny];
					for (int x = 0; x < nx; x++) {
						for (int y = 0; y < ny; y++) line[y] = p[y * nx + x];
						convolve(line, 0, 1, ny, wy, p, x, nx);
					}
				}
			});
		}
		if (sigma[2] > 0 && nz > 1) {
			final double[] wz = kernel.weights(sigma[2]);
			Parallelization.getTaskExecutor().forEach(IntensityPlanes.range(ny), y -> {
				final float[] slab = new float[nz * nx];
				for (int z = 0; z < nz; z++) System.arraycopy(planes[z], y * nx, slab, z * nx, nx);
				final float[] col = new float[nz];
				final float[] res = new float[nz];
				for (int x = 0; x < nx; x++) {
					for (int z = 0; z < nz; z++) col[z] = slab[z * nx + x];
					convolve(col, 0, 1, nz, wz, res, 0, 1);
					for (int z = 0; z < nz; z++) planes[z][y * nx + x] = res[z];
				}
			});
		}
		return image.withData(out);
	}

	/** out[outOff + i*outStride] = sum_j w[j] line[reflect(i + j - half)], for i in [0, n). */
	private void convolve(final float[] line, final int off, final int stride, final int n, final double[] w, final float[] out, final int outOff,
		final int outStride)
	{
		final int half = (w.length - 1) / 2;
		for (int i = 0; i < n; i++) {
			double s = 0;
			if (i - half >= 0 && i + half < n) {
				for (int j = 0; j < w.length; j++) s += w[j] * line[off + (i + j - half) * stride];
			} else {
				for (int j = 0; j < w.length; j++) s += w[j] * line[off + kernel.reflect(i + j - half, n) * stride];
			}
			out[outOff + i * outStride] = (float) s;
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "sigma_voxels=[%.6f, %.6f, %.6f] kernel=%s", sigma[0], sigma[1], sigma[2], kernel.label());
	}
}
