package org.medprep.io.transform;

import org.medprep.core.spatial.PhysicalAffine;

/**
 * The centred form of an affine, {@code T(x) = A (x - c) + c + t}, in which ITK
 * and elastix store transforms, and the conversions to and from MedPrep's
 * {@code T(x) = A x + o}.
 */
final class CentredAffine {

	private CentredAffine() {}

	/** {@code t = o + A c - c}. */
	static double[] translation(final PhysicalAffine affine, final double[] centre) {
		final double[][] m = affine.matrix();
		final double[] t = new double[3];
		for (int r = 0; r < 3; r++) t[r] = m[r][3] + m[r][0] * centre[0] + m[r][1] * centre[1] + m[r][2] * centre[2] - centre[r];
		return t;
	}

	/** The affine of a linear part, centre and translation. */
	static PhysicalAffine of(final double[][] a, final double[] centre, final double[] t) {
		final double[][] m = new double[3][4];
		for (int r = 0; r < 3; r++) {
			double o = centre[r] + t[r];
			for (int c = 0; c < 3; c++) {
				m[r][c] = a[r][c];
				o -= a[r][c] * centre[c];
			}
			m[r][3] = o;
		}
		return PhysicalAffine.of(m);
	}

	/** The rotation of a unit quaternion given by its vector part (ITK's versor parameters), scaled by {@code s}. */
	static double[][] versor(final double x, final double y, final double z, final double s) {
		final double w = Math.sqrt(Math.max(0, 1 - (x * x + y * y + z * z)));
		return new double[][] {
			{ s * (1 - 2 * (y * y + z * z)), s * 2 * (x * y - z * w), s * 2 * (x * z + y * w) },
			{ s * 2 * (x * y + z * w), s * (1 - 2 * (x * x + z * z)), s * 2 * (y * z - x * w) },
			{ s * 2 * (x * z - y * w), s * 2 * (y * z + x * w), s * (1 - 2 * (x * x + y * y)) } };
	}

	/** ITK's Euler3DTransform rotation: {@code Rz Rx Ry}, or {@code Rz Ry Rx} when {@code zyx}. */
	static double[][] euler(final double ax, final double ay, final double az, final boolean zyx) {
		final double[][] rx = PhysicalAffine.rotationMatrix(ax, 0, 0), ry = PhysicalAffine.rotationMatrix(0, ay, 0), rz = PhysicalAffine.rotationMatrix(0, 0, az);
		return zyx ? PhysicalAffine.multiply(rz, PhysicalAffine.multiply(ry, rx)) : PhysicalAffine.multiply(rz, PhysicalAffine.multiply(rx, ry));
	}

	static double[][] linear(final PhysicalAffine a) {
		final double[][] m = a.matrix();
		return new double[][] { { m[0][0], m[0][1], m[0][2] }, { m[1][0], m[1][1], m[1][2] }, { m[2][0], m[2][1], m[2][2] } };
	}
}
