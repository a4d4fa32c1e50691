package org.medprep.core;

import java.util.Arrays;

/**
 * Where a voxel grid sits in the patient: spacing (mm), origin (mm, centre of
 * the first voxel) and a 3x3 direction-cosine matrix, all in DICOM patient
 * coordinates (LPS: x to the patient's left, y posterior, z superior).
 * <p>
 * Indices are counted from the first voxel of the volume (its data's min
 * corner), whatever the ImgLib2 interval's min is, so a translated view and
 * a zero-min copy of it sit in the same place.
 * <p>
 * Column {@code c} of the direction matrix is the unit vector along grid axis
 * {@code c}, as in ITK and DICOM, so the physical point of index {@code i} is
 * {@code origin + D * diag(spacing) * i}. Immutable.
 */
public final class Geometry {

	private static final double ORTHONORMAL_TOLERANCE = 1e-4;

	/**
	 * How far two grids may differ (mm for spacing and origin, absolute for
	 * direction cosines) and still count as one space: the one tolerance used
	 * wherever MedPrep asks whether images share a grid. Above the rounding of
	 * coordinates stored as float32 (NIfTI keeps its affine in float32: about
	 * 1e-5 mm at 500 mm), far below any real misalignment.
	 */
	public static final double SAME_SPACE_TOLERANCE = 1e-4;
	/**
	 * Smallest voxel size accepted (mm): 1 nm. Smaller values are unit mistakes
	 * or corrupt headers, not scans.
	 */
	public static final double MIN_SPACING_MM = 1e-6;
	/**
	 * Largest voxel size accepted (mm): 1 km. A header saying more (e.g. a
	 * PixelSpacing of 1e308) is corrupt; written to NIfTI it would become inf.
	 */
	public static final double MAX_SPACING_MM = 1e6;
	/** Largest |coordinate| accepted for the origin (mm): 1000 km, well inside float32 and far outside any scanner. */
	public static final double MAX_COORDINATE_MM = 1e9;

	private final double[] spacing;
	private final double[] origin;
	private final double[][] direction;

	private Geometry(final double[] spacing, final double[] origin, final double[][] direction) {
		this.spacing = spacing;
		this.origin = origin;
		this.direction = direction;
	}

	/** Unit spacing, zero origin, identity direction. */
	public static Geometry identity() {
		return of(new double[] { 1, 1, 1 }, new double[3], identityMatrix());
	}

	/** Axis-aligned grid (identity direction) with the given spacing and origin. */
	public static Geometry of(final double[] spacing, final double[] origin) {
		return of(spacing, origin, identityMatrix());
	}

	/**
	 * @param spacing three voxel sizes in mm, from {@value #MIN_SPACING_MM} to {@value #MAX_SPACING_MM}
	 * @param origin three coordinates in mm (LPS) of voxel (0,0,0), at most {@value #MAX_COORDINATE_MM} in magnitude
	 * @param direction 3x3 orthonormal matrix, {@code direction[row][col]}, column = axis
	 * @throws IllegalArgumentException naming the offending value
	 */
	public static Geometry of(final double[] spacing, final double[] origin, final double[][] direction) {
		requireLength("spacing", spacing, 3);
		requireLength("origin", origin, 3);
		if (direction == null || direction.length != 3) throw new IllegalArgumentException("direction must be a 3x3 matrix");
		for (final double[] row : direction) requireLength("direction row", row, 3);
		for (int d = 0; d < 3; d++) {
			if (!(spacing[d] > 0) || !Double.isFinite(spacing[d]))
				throw new IllegalArgumentException("spacing along " + axisName(d) + " must be positive and finite, got " + spacing[d]);
			if (spacing[d] < MIN_SPACING_MM || spacing[d] > MAX_SPACING_MM)
				throw new IllegalArgumentException("spacing along " + axisName(d) + " of " + spacing[d] + " mm is not a plausible voxel size ("
					+ plain(MIN_SPACING_MM) + " to " + plain(MAX_SPACING_MM) + " mm)");
			if (!Double.isFinite(origin[d]))
				throw new IllegalArgumentException("origin along " + axisName(d) + " must be finite, got " + origin[d]);
			if (Math.abs(origin[d]) > MAX_COORDINATE_MM)
				throw new IllegalArgumentException("origin along " + axisName(d) + " of " + origin[d] + " mm is not a plausible position (at most "
					+ plain(MAX_COORDINATE_MM) + " mm from the scanner's origin)");
		}
		final double[][] dir = new double[3][];
		for (int r = 0; r < 3; r++) dir[r] = direction[r].clone();
		checkOrthonormal(dir);
		return new Geometry(spacing.clone(), origin.clone(), dir);
	}

	public double spacing(final int d) { return spacing[d]; }
	public double[] spacing() { return spacing.clone(); }
	public double origin(final int d) { return origin[d]; }
	public double[] origin() { return origin.clone(); }
	/** Copy of the direction matrix, {@code [row][col]}, column = grid axis. */
	public double[][] direction() {
		final double[][] copy = new double[3][];
		for (int r = 0; r < 3; r++) copy[r] = direction[r].clone();
		return copy;
	}
	public double direction(final int row, final int col) { return direction[row][col]; }


	public Geometry withSpacing(final double[] newSpacing) { return of(newSpacing, origin, direction); }
	public Geometry withOrigin(final double[] newOrigin) { return of(spacing, newOrigin, direction); }
	public Geometry withDirection(final double[][] newDirection) { return of(spacing, origin, newDirection); }

	/** Physical (LPS, mm) position of a continuous voxel index. */
	public double[] indexToPhysical(final double[] index) {
		final double[] p = origin.clone();
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++)
				p[r] += direction[r][c] * spacing[c] * index[c];
		return p;
	}

	/** Continuous voxel index of a physical (LPS, mm) position. */
	public double[] physicalToIndex(final double[] point) {
		final double[] index = new double[3];
		for (int c = 0; c < 3; c++) {
			double s = 0;
			// the inverse of an orthonormal matrix is its transpose
			for (int r = 0; r < 3; r++) s += direction[r][c] * (point[r] - origin[r]);
			index[c] = s / spacing[c];
		}
		return index;
	}

	/** Same place within {@link #SAME_SPACE_TOLERANCE}. */
	public boolean sameSpace(final Geometry other) {
		return sameSpace(other, SAME_SPACE_TOLERANCE);
	}

	/** Same grid within a tolerance (mm for spacing and origin, absolute for direction cosines). */
	public boolean sameSpace(final Geometry other, final double tolerance) {
		for (int d = 0; d < 3; d++) {
			if (Math.abs(spacing[d] - other.spacing[d]) > tolerance) return false;
			if (Math.abs(origin[d] - other.origin[d]) > tolerance) return false;
			for (int c = 0; c < 3; c++)
				if (Math.abs(direction[d][c] - other.direction[d][c]) > tolerance) return false;
		}
		return true;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Geometry)) return false;
		final Geometry g = (Geometry) o;
		return Arrays.equals(spacing, g.spacing) && Arrays.equals(origin, g.origin) && Arrays.deepEquals(direction, g.direction);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * Arrays.hashCode(spacing) + Arrays.hashCode(origin)) + Arrays.deepHashCode(direction);
	}

	@Override
	public String toString() {
		return "Geometry[spacing=" + Arrays.toString(spacing) + ", origin=" + Arrays.toString(origin) + ", direction=" + Arrays.deepToString(direction) + "]";
	}

	/** A bound as people write it: 0.000001, 1000000. */
	public static String plain(final double v) {
		return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}

	static String axisName(final int d) {
		return "xyz".substring(d, d + 1);
	}

	private static double[][] identityMatrix() {
		return new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
	}

	private static void requireLength(final String what, final double[] a, final int n) {
		if (a == null || a.length != n) throw new IllegalArgumentException(what + " must have " + n + " values");
	}

	private static void checkOrthonormal(final double[][] m) {
		for (int a = 0; a < 3; a++) {
			for (int b = a; b < 3; b++) {
				double dot = 0;
				for (int r = 0; r < 3; r++) {
					if (!Double.isFinite(m[r][a])) throw new IllegalArgumentException("direction cosines must be finite");
					dot += m[r][a] * m[r][b];
				}
				final double expected = a == b ? 1 : 0;
				if (Math.abs(dot - expected) > ORTHONORMAL_TOLERANCE)
					throw new IllegalArgumentException("direction cosines are not orthonormal (columns " + a + "," + b + " dot = " + dot + ")");
			}
		}
	}
}
