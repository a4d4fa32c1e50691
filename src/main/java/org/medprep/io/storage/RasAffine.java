package org.medprep.io.storage;

import org.medprep.core.Geometry;

/**
 * THE conversion between MedPrep's {@link Geometry} (DICOM patient
 * coordinates, LPS) and the 4x4 voxel-to-world affine of NIfTI (RAS). RAS and
 * LPS differ by the signs of x and y, so the conversion negates the first two
 * rows of the affine; it is its own inverse. Every NIfTI reader and writer
 * (and DICOM to NIfTI) goes through here.
 * <p>
 * Affines are {@code double[4][4]}, {@code [row][col]}, column {@code c} =
 * the world step of grid axis {@code c} (times the spacing), column 3 = the
 * world position of voxel (0,0,0)'s centre.
 */
public final class RasAffine {

	/**
	 * Largest |cos| between two axes of an affine that still counts as
	 * orthogonal: NIfTI-1 stores affines as float32, whose rounding gives
	 * ~1e-7; real shear is far above this.
	 */
	public static final double ORTHOGONALITY_TOLERANCE = 1e-4;

	private RasAffine() {}

	/** The RAS affine of a geometry. */
	public static double[][] fromGeometry(final Geometry g) {
		final double[][] a = new double[4][4];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++)
				a[r][c] = g.direction(r, c) * g.spacing(c);
			a[r][3] = g.origin(r);
		}
		a[3][3] = 1;
		return flipXY(a);
	}

	/**
	 * The geometry of a RAS affine: spacing = column lengths, direction =
	 * normalised columns (re-orthonormalised to remove float rounding).
	 *
	 * @throws IllegalArgumentException if a column is zero or not finite, or
	 *         the axes are not orthogonal (shear), which a Geometry cannot hold
	 */
	public static Geometry toGeometry(final double[][] ras) {
		final double[][] lps = flipXY(ras);
		final double[] spacing = columnLengths(lps);
		final double[][] dir = new double[3][3];
		for (int c = 0; c < 3; c++) {
			if (!(spacing[c] > 0) || !Double.isFinite(spacing[c]))
				throw new IllegalArgumentException("affine column " + c + " has length " + spacing[c] + " (zero or undefined voxel size)");
			for (int r = 0; r < 3; r++) dir[r][c] = lps[r][c] / spacing[c];
		}
		final double shear = maxAxisCosine(dir);
		if (shear > ORTHOGONALITY_TOLERANCE)
			throw new IllegalArgumentException("affine has shear: its axes are not orthogonal (largest |cos| between axes " + shear + ")");
		final double[] origin = { lps[0][3], lps[1][3], lps[2][3] };
		return Geometry.of(spacing, origin, orthonormalize(dir));
	}

	/** Negates the first two rows (x and y): LPS to RAS and back. Returns a new 4x4 matrix. */
	public static double[][] flipXY(final double[][] m) {
		final double[][] f = new double[4][4];
		for (int r = 0; r < 4; r++)
			for (int c = 0; c < 4; c++)
				f[r][c] = (r < 2 ? -1 : 1) * m[r][c];
		f[3][0] = 0;
		f[3][1] = 0;
		f[3][2] = 0;
		f[3][3] = 1;
		return f;
	}

	/** Lengths of the three axis columns of a 3x3 or 4x4 matrix. */
	public static double[] columnLengths(final double[][] m) {
		final double[] len = new double[3];
		for (int c = 0; c < 3; c++)
			len[c] = Math.sqrt(m[0][c] * m[0][c] + m[1][c] * m[1][c] + m[2][c] * m[2][c]);
		return len;
	}

	/** The largest |cos| of the angle between two axis columns (0 for orthogonal axes); NaN columns give NaN. */
	public static double shear(final double[][] affine) {
		final double[] len = columnLengths(affine);
		final double[][] dir = new double[3][3];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				dir[r][c] = affine[r][c] / len[c];
		return maxAxisCosine(dir);
	}

	private static double maxAxisCosine(final double[][] unitColumns) {
		double max = 0;
		for (int a = 0; a < 3; a++)
			for (int b = a + 1; b < 3; b++) {
				double dot = 0;
				for (int r = 0; r < 3; r++) dot += unitColumns[r][a] * unitColumns[r][b];
				if (Double.isNaN(dot)) return Double.NaN;
				max = Math.max(max, Math.abs(dot));
			}
		return max;
	}

	/**
	 * The nearest orthonormal matrix (polar decomposition by Newton's
	 * iteration R = (R + R^-T) / 2), for matrices already orthonormal up to
	 * float rounding. Keeps the sign of the determinant.
	 */
	static double[][] orthonormalize(final double[][] m) {
		double[][] r = new double[3][];
		for (int i = 0; i < 3; i++) r[i] = m[i].clone();
		for (int iter = 0; iter < 20; iter++) {
			final double[][] invT = inverseTranspose(r);
			double change = 0;
			final double[][] next = new double[3][3];
			for (int i = 0; i < 3; i++)
				for (int j = 0; j < 3; j++) {
					next[i][j] = 0.5 * (r[i][j] + invT[i][j]);
					change = Math.max(change, Math.abs(next[i][j] - r[i][j]));
				}
			r = next;
			if (change < 1e-15) break;
		}
		return r;
	}

	private static double[][] inverseTranspose(final double[][] m) {
		final double det = m[0][0] * (m[1][1] * m[2][2] - m[1][2] * m[2][1])
			- m[0][1] * (m[1][0] * m[2][2] - m[1][2] * m[2][0])
			+ m[0][2] * (m[1][0] * m[2][1] - m[1][1] * m[2][0]);
		final double[][] cof = new double[3][3];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++) {
				final int i1 = (i + 1) % 3, i2 = (i + 2) % 3, j1 = (j + 1) % 3, j2 = (j + 2) % 3;
				cof[i][j] = (m[i1][j1] * m[i2][j2] - m[i1][j2] * m[i2][j1]) / det;
			}
		// the cofactor matrix over the determinant is the inverse transpose
		return cof;
	}
}
