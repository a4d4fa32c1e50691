package org.medprep.core.segment;

import java.util.Arrays;

/**
 * A dense row-major matrix of doubles: a plain holder for the NMF input and
 * factors ({@code data[i * cols + j]} is row i, column j). The constructor
 * takes the array as it is (no copy) so large image matrices are not
 * duplicated; {@link #copy()} when an independent matrix is needed.
 */
public final class Matrix {

	private final int rows;
	private final int cols;
	private final double[] data;

	public Matrix(final int rows, final int cols, final double[] data) {
		if (rows < 1 || cols < 1) throw new IllegalArgumentException("matrix must have at least one row and one column, got " + rows + " x " + cols);
		if (data.length != (long) rows * cols) throw new IllegalArgumentException("matrix data has " + data.length + " values, expected " + rows + " x " + cols + " = " + (long) rows * cols);
		this.rows = rows;
		this.cols = cols;
		this.data = data;
	}

	public static Matrix zeros(final int rows, final int cols) {
		return new Matrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
	}

	public int rows() { return rows; }
	public int cols() { return cols; }

	/** The backing array (row-major), not a copy. */
	public double[] data() { return data; }

	public double get(final int i, final int j) { return data[i * cols + j]; }

	public void set(final int i, final int j, final double v) { data[i * cols + j] = v; }

	public Matrix copy() { return new Matrix(rows, cols, data.clone()); }

	public Matrix transpose() {
		final double[] t = new double[data.length];
		for (int i = 0; i < rows; i++)
			for (int j = 0; j < cols; j++) t[j * rows + i] = data[i * cols + j];
		return new Matrix(cols, rows, t);
	}

	/** this * other, plainly (small matrices and tests). */
	public Matrix times(final Matrix other) {
		if (cols != other.rows) throw new IllegalArgumentException("cannot multiply " + rows + "x" + cols + " by " + other.rows + "x" + other.cols);
		final Matrix out = zeros(rows, other.cols);
		for (int i = 0; i < rows; i++)
			for (int k = 0; k < cols; k++) {
				final double a = data[i * cols + k];
				if (a == 0) continue;
				for (int j = 0; j < other.cols; j++) out.data[i * other.cols + j] += a * other.data[k * other.cols + j];
			}
		return out;
	}

	/** The Frobenius norm. */
	public double frobeniusNorm() {
		double s = 0;
		for (final double v : data) s += v * v;
		return Math.sqrt(s);
	}

	public double mean() {
		double s = 0;
		for (final double v : data) s += v;
		return s / data.length;
	}

	@Override
	public String toString() {
		return "Matrix " + rows + "x" + cols + (data.length <= 16 ? " " + Arrays.toString(data) : "");
	}
}
