package org.medprep.core.spatial;

import java.util.Arrays;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

/**
 * A voxel grid in the patient: its size (x, y, z) and {@link Geometry}.
 * What a resampling writes into, and what a spatial step records so that it
 * can be undone. Immutable.
 */
public final class Grid {

	private final long[] size;
	private final Geometry geometry;

	private Grid(final long[] size, final Geometry geometry) {
		this.size = size;
		this.geometry = geometry;
	}

	/** @throws IllegalArgumentException if the size is not three positive values */
	public static Grid of(final long[] size, final Geometry geometry) {
		if (size == null || size.length != 3) throw new IllegalArgumentException("a grid size has 3 values (x, y, z)");
		if (geometry == null) throw new IllegalArgumentException("grid geometry must not be null");
		for (int d = 0; d < 3; d++)
			if (size[d] < 1) throw new IllegalArgumentException("grid size along " + "xyz".charAt(d) + " must be >= 1, got " + size[d]);
		return new Grid(size.clone(), geometry);
	}

	public static Grid of(final Volume<?> volume) {
		return of(volume.dimensions(), volume.geometry());
	}

	public long[] size() { return size.clone(); }
	public long size(final int d) { return size[d]; }
	public Geometry geometry() { return geometry; }

	public long numVoxels() { return size[0] * size[1] * size[2]; }

	/** Physical position (mm, LPS) of the grid's centre, {@code (n-1)/2} in index. */
	public double[] center() {
		return geometry.indexToPhysical(new double[] { (size[0] - 1) / 2.0, (size[1] - 1) / 2.0, (size[2] - 1) / 2.0 });
	}

	/** The affine taking a voxel index to its physical point. */
	public PhysicalAffine indexToPhysical() {
		final double[][] m = new double[3][4];
		for (int r = 0; r < 3; r++) {
			for (int c = 0; c < 3; c++) m[r][c] = geometry.direction(r, c) * geometry.spacing(c);
			m[r][3] = geometry.origin(r);
		}
		return PhysicalAffine.of(m);
	}

	/** The grid's own axis {@code d} as a physical unit vector (a column of the direction matrix). */
	public double[] axis(final int d) {
		return new double[] { geometry.direction(0, d), geometry.direction(1, d), geometry.direction(2, d) };
	}

	/** Same size, and geometry within {@link Geometry#SAME_SPACE_TOLERANCE}: one space. */
	public boolean sameSpace(final Grid other) {
		return sameSpace(other, Geometry.SAME_SPACE_TOLERANCE);
	}

	/** Same size and geometry within a tolerance (mm). */
	public boolean sameSpace(final Grid other, final double tolerance) {
		return Arrays.equals(size, other.size) && geometry.sameSpace(other.geometry, tolerance);
	}

	/** 18 numbers separated by spaces: size (3), spacing (3), origin (3), direction row by row (9); round-trippable. */
	public String toText() {
		final StringBuilder sb = new StringBuilder();
		for (int d = 0; d < 3; d++) sb.append(d == 0 ? "" : " ").append(size[d]);
		for (int d = 0; d < 3; d++) sb.append(' ').append(number(geometry.spacing(d)));
		for (int d = 0; d < 3; d++) sb.append(' ').append(number(geometry.origin(d)));
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++) sb.append(' ').append(number(geometry.direction(r, c)));
		return sb.toString();
	}

	/**
	 * Reads the 18 numbers of {@link #toText()} from {@code tokens} starting at {@code at}.
	 * @throws IllegalArgumentException if a number is malformed or the geometry invalid
	 */
	public static Grid parse(final String[] tokens, final int at) {
		if (tokens.length < at + 18) throw new IllegalArgumentException("a grid needs 18 numbers, got " + Math.max(0, tokens.length - at));
		final long[] size = new long[3];
		final double[] spacing = new double[3], origin = new double[3];
		final double[][] dir = new double[3][3];
		for (int d = 0; d < 3; d++) {
			size[d] = Long.parseLong(tokens[at + d]);
			spacing[d] = Double.parseDouble(tokens[at + 3 + d]);
			origin[d] = Double.parseDouble(tokens[at + 6 + d]);
		}
		for (int i = 0; i < 9; i++) dir[i / 3][i % 3] = Double.parseDouble(tokens[at + 9 + i]);
		return of(size, Geometry.of(spacing, origin, dir));
	}

	/** Whole numbers plainly, others with 17 significant digits (exact round trip). */
	static String number(final double v) {
		return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(java.util.Locale.ROOT, "%.17g", v);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof Grid)) return false;
		final Grid g = (Grid) o;
		return Arrays.equals(size, g.size) && geometry.equals(g.geometry);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(size) + geometry.hashCode();
	}

	@Override
	public String toString() {
		return "Grid[" + size[0] + "x" + size[1] + "x" + size[2] + ", " + geometry + "]";
	}
}
