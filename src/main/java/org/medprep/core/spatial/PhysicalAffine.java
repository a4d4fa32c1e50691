package org.medprep.core.spatial;

import java.util.Arrays;
import java.util.Locale;

/**
 * A 3D affine map in physical space (mm, LPS): {@code p' = A p + t}, stored as
 * the top 3x4 block of a 4x4 homogeneous matrix. Immutable.
 * <p>
 * In MedPrep a spatial step stores the <em>pull-back</em> map, from a point of
 * the output grid to the point of the input it samples (as scipy's
 * {@code affine_transform} and ITK's resample filter do). A content
 * transform "rotate by +30 degrees" therefore pulls back with the rotation by
 * -30 degrees; the operations take care of that.
 */
public final class PhysicalAffine {

	private static final PhysicalAffine IDENTITY = new PhysicalAffine(new double[][] { { 1, 0, 0, 0 }, { 0, 1, 0, 0 }, { 0, 0, 1, 0 } });

	private final double[][] m;

	private PhysicalAffine(final double[][] m) {
		this.m = m;
	}

	public static PhysicalAffine identity() {
		return IDENTITY;
	}

	/**
	 * @param matrix 3x4 (or 4x4 with bottom row 0 0 0 1), {@code [row][col]}
	 * @throws IllegalArgumentException if the shape is wrong or a value is not finite
	 */
	public static PhysicalAffine of(final double[][] matrix) {
		if (matrix == null || (matrix.length != 3 && matrix.length != 4))
			throw new IllegalArgumentException("an affine needs a 3x4 or 4x4 matrix");
		final double[][] copy = new double[3][];
		for (int r = 0; r < 3; r++) {
			if (matrix[r] == null || matrix[r].length != 4) throw new IllegalArgumentException("affine row " + r + " must have 4 values");
			copy[r] = matrix[r].clone();
			for (final double v : copy[r])
				if (!Double.isFinite(v)) throw new IllegalArgumentException("affine values must be finite, got " + v + " in row " + r);
		}
		if (matrix.length == 4) {
			final double[] b = matrix[3];
			if (b == null || b.length != 4 || b[0] != 0 || b[1] != 0 || b[2] != 0 || b[3] != 1)
				throw new IllegalArgumentException("the bottom row of a 4x4 affine must be 0 0 0 1, got " + Arrays.toString(b));
		}
		return new PhysicalAffine(copy);
	}

	public static PhysicalAffine translation(final double[] t) {
		return of(new double[][] { { 1, 0, 0, t[0] }, { 0, 1, 0, t[1] }, { 0, 0, 1, t[2] } });
	}

	/** The linear map {@code a} (3x3) applied about the fixed point {@code center}: {@code p' = center + a (p - center)}. */
	public static PhysicalAffine linearAbout(final double[][] a, final double[] center) {
		final double[][] mm = new double[3][4];
		for (int r = 0; r < 3; r++) {
			double t = center[r];
			for (int c = 0; c < 3; c++) {
				mm[r][c] = a[r][c];
				t -= a[r][c] * center[c];
			}
			mm[r][3] = t;
		}
		return of(mm);
	}

	/**
	 * The rotation matrix for angles (radians) about the three axes of a frame:
	 * x first, then y, then z ({@code Rz Ry Rx}), right-handed (a positive angle
	 * about z turns +x towards +y).
	 */
	public static double[][] rotationMatrix(final double ax, final double ay, final double az) {
		final double[][] rx = { { 1, 0, 0 }, { 0, Math.cos(ax), -Math.sin(ax) }, { 0, Math.sin(ax), Math.cos(ax) } };
		final double[][] ry = { { Math.cos(ay), 0, Math.sin(ay) }, { 0, 1, 0 }, { -Math.sin(ay), 0, Math.cos(ay) } };
		final double[][] rz = { { Math.cos(az), -Math.sin(az), 0 }, { Math.sin(az), Math.cos(az), 0 }, { 0, 0, 1 } };
		return multiply(rz, multiply(ry, rx));
	}

	/** {@code a b} for 3x3 matrices. */
	public static double[][] multiply(final double[][] a, final double[][] b) {
		final double[][] c = new double[3][3];
		for (int r = 0; r < 3; r++)
			for (int k = 0; k < 3; k++)
				for (int j = 0; j < 3; j++)
					c[r][j] += a[r][k] * b[k][j];
		return c;
	}

	/** Expresses a linear map given in a grid's own axes in physical space: {@code D a D^T}. */
	public static double[][] inFrame(final double[][] a, final double[][] direction) {
		final double[][] dt = new double[3][3];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				dt[r][c] = direction[c][r];
		return multiply(direction, multiply(a, dt));
	}

	public double get(final int row, final int col) {
		return row == 3 ? (col == 3 ? 1 : 0) : m[row][col];
	}

	/** The 3x4 matrix, a copy. */
	public double[][] matrix() {
		final double[][] copy = new double[3][];
		for (int r = 0; r < 3; r++) copy[r] = m[r].clone();
		return copy;
	}

	public double[] apply(final double[] p) {
		final double[] q = new double[3];
		for (int r = 0; r < 3; r++) q[r] = m[r][0] * p[0] + m[r][1] * p[1] + m[r][2] * p[2] + m[r][3];
		return q;
	}

	/** {@code this} after {@code first}: the map {@code p -> this(first(p))}. */
	public PhysicalAffine after(final PhysicalAffine first) {
		final double[][] c = new double[3][4];
		for (int r = 0; r < 3; r++) {
			for (int j = 0; j < 4; j++) {
				double s = j == 3 ? m[r][3] : 0;
				for (int k = 0; k < 3; k++) s += m[r][k] * first.m[k][j];
				c[r][j] = s;
			}
		}
		return new PhysicalAffine(c);
	}

	/** @throws IllegalArgumentException if the linear part is singular */
	public PhysicalAffine inverse() {
		final double[][] a = m;
		final double det = a[0][0] * (a[1][1] * a[2][2] - a[1][2] * a[2][1])
			- a[0][1] * (a[1][0] * a[2][2] - a[1][2] * a[2][0])
			+ a[0][2] * (a[1][0] * a[2][1] - a[1][1] * a[2][0]);
		if (Math.abs(det) < 1e-12) throw new IllegalArgumentException("the affine is singular (determinant " + det + ") and cannot be inverted");
		final double[][] inv = new double[3][4];
		inv[0][0] = (a[1][1] * a[2][2] - a[1][2] * a[2][1]) / det;
		inv[0][1] = (a[0][2] * a[2][1] - a[0][1] * a[2][2]) / det;
		inv[0][2] = (a[0][1] * a[1][2] - a[0][2] * a[1][1]) / det;
		inv[1][0] = (a[1][2] * a[2][0] - a[1][0] * a[2][2]) / det;
		inv[1][1] = (a[0][0] * a[2][2] - a[0][2] * a[2][0]) / det;
		inv[1][2] = (a[0][2] * a[1][0] - a[0][0] * a[1][2]) / det;
		inv[2][0] = (a[1][0] * a[2][1] - a[1][1] * a[2][0]) / det;
		inv[2][1] = (a[0][1] * a[2][0] - a[0][0] * a[2][1]) / det;
		inv[2][2] = (a[0][0] * a[1][1] - a[0][1] * a[1][0]) / det;
		for (int r = 0; r < 3; r++)
			inv[r][3] = -(inv[r][0] * a[0][3] + inv[r][1] * a[1][3] + inv[r][2] * a[2][3]);
		return new PhysicalAffine(inv);
	}

	public boolean isIdentity(final double tolerance) {
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 4; c++)
				if (Math.abs(m[r][c] - (r == c ? 1 : 0)) > tolerance) return false;
		return true;
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof PhysicalAffine && Arrays.deepEquals(m, ((PhysicalAffine) o).m);
	}

	@Override
	public int hashCode() {
		return Arrays.deepHashCode(m);
	}

	/** Row-major, 12 numbers, round-trippable ({@code %.17g}). */
	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder("[");
		for (int r = 0; r < 3; r++) {
			sb.append(r == 0 ? "[" : ", [");
			for (int c = 0; c < 4; c++) sb.append(c == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.17g", m[r][c]));
			sb.append(']');
		}
		return sb.append(']').toString();
	}
}
