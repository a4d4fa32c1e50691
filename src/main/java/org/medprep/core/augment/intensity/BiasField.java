package org.medprep.core.augment.intensity;

import java.util.Arrays;
import java.util.Locale;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Multiplies the image by a smooth MR bias field, {@code exp} of a polynomial
 * of the normalised voxel coordinates: TorchIO's {@code BiasField}
 * (torchio/transforms/augmentation/intensity/random_bias_field.py, after Van
 * Leemput et al. 1999 and NiftyNet). Each axis' coordinate runs over
 * {@code (i - (n-1)/2) / ((n-1)/2)}, from -1 to 1 (0 on an axis of one voxel),
 * and the field is {@code exp(sum c_abc x^a y^b z^c)} over a + b + c &lt;= order,
 * the coefficients in TorchIO's order (a outermost, then b, then c), stored
 * as float32 as TorchIO does before multiplying.
 */
public final class BiasField implements IntensityDraw {

	private final int order;
	private final double[] coefficients;

	/** The number of monomials of degree &lt;= order in three variables. */
	public static int coefficientCount(final int order) {
		return (order + 1) * (order + 2) * (order + 3) / 6;
	}

	/** @throws IllegalArgumentException if the order is negative or the coefficient count does not match it */
	public BiasField(final int order, final double[] coefficients) {
		if (order < 0) throw new IllegalArgumentException("bias field order must be >= 0, got " + order);
		if (coefficients.length != coefficientCount(order))
			throw new IllegalArgumentException("a bias field of order " + order + " needs " + coefficientCount(order) + " coefficients, got " + coefficients.length);
		for (final double c : coefficients)
			if (!Double.isFinite(c)) throw new IllegalArgumentException("bias field coefficients must be finite, got " + c);
		this.order = order;
		this.coefficients = coefficients.clone();
	}

	/** Normalised coordinates of an axis of n voxels, raised to the powers 0..order: {@code [power][i]}. */
	private double[][] powers(final int n) {
		final double half = (n - 1) / 2.0;
		final double[][] p = new double[order + 1][n];
		for (int i = 0; i < n; i++) {
			final double c = half > 0 ? (i - half) / half : 0;
			double v = 1;
			for (int k = 0; k <= order; k++) {
				p[k][i] = v;
				v *= c;
			}
		}
		return p;
	}

	@Override
	public Volume<FloatType> apply(final Volume<? extends RealType<?>> image) {
		final int nx = (int) image.dimension(0), ny = (int) image.dimension(1), nz = (int) image.dimension(2);
		final double[][] px = powers(nx), py = powers(ny), pz = powers(nz);
		final int o = order;
		return image.withData(Planes.toFloat(image.data(), (z, in, out) -> {
			// Horner-like nesting: per plane sum over c, per row over b, per voxel over a
			final double[][] ab = new double[o + 1][o + 1];
			int idx = 0;
			for (int a = 0; a <= o; a++)
				for (int b = 0; b <= o - a; b++)
					for (int c = 0; c <= o - a - b; c++)
						ab[a][b] += coefficients[idx++] * pz[c][z];
			final double[] ax = new double[o + 1];
			for (int y = 0; y < ny; y++) {
				for (int a = 0; a <= o; a++) {
					double s = 0;
					for (int b = 0; b <= o - a; b++) s += ab[a][b] * py[b][y];
					ax[a] = s;
				}
				final int row = y * nx;
				for (int x = 0; x < nx; x++) {
					double f = 0;
					for (int a = 0; a <= o; a++) f += ax[a] * px[a][x];
					out[row + x] = (float) (in[row + x] * (float) Math.exp(f));
				}
			}
		}));
	}

	@Override
	public java.util.Map<String, String> drawn() {
		return new DrawnValues().put("order", order).put("coefficients", coefficients).map();
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder("order=" + order + " coefficients=[");
		for (int i = 0; i < coefficients.length; i++) sb.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.6f", coefficients[i]));
		return sb.append(']').toString();
	}

	double[] coefficients() {
		return Arrays.copyOf(coefficients, coefficients.length);
	}
}
