package org.medprep.core.segment;

/**
 * The two large products of an NMF iteration over a range of X's rows: X F (rows x k) and the
 * rows' share of X^T W (m x k), for the data X (n x m, row-major) and factors F (m x k) and
 * W (n x k), both row-major.
 * <p>
 * k is small, so each kernel streams over X's rows and keeps the outputs of a group of rows in
 * local variables: the JIT holds them in registers, where a loop over the components loads and
 * stores them through memory for every term (measured: several times slower). The components are
 * taken four, two or one at a time, each group a straight-line kernel.
 * <p>
 * Every output entry adds its terms in a fixed order that depends neither on the component
 * grouping nor on how the caller splits the rows, as long as the splits fall on multiples of four
 * rows from the start of a chunk: X F sums each dot product over j in order; X^T W adds the rows
 * in groups of four, {@code (x0 w0 + x1 w1) + (x2 w2 + x3 w3)}, the rows after the last group one
 * by one.
 */
final class NmfProducts {

	private NmfProducts() {}

	/** Rows [from, to) of X F into {@code out}, row i at {@code (i - outRow0) * k}. */
	static void times(final Matrix x, final double[] f, final int k, final double[] out, final int outRow0, final int from, final int to) {
		final double[] xd = x.data();
		final int m = x.cols();
		int t = 0;
		for (; t + 3 < k; t += 4) times4(xd, f, out, outRow0, m, k, t, from, to);
		for (; t + 1 < k; t += 2) times2(xd, f, out, outRow0, m, k, t, from, to);
		for (; t < k; t++) times1(xd, f, out, outRow0, m, k, t, from, to);
	}

	/** Adds rows [from, to) of X^T W to {@code acc} (m x k). */
	static void transposeTimes(final Matrix x, final double[] w, final int k, final double[] acc, final int from, final int to) {
		final double[] xd = x.data();
		final int m = x.cols();
		int t = 0;
		for (; t + 3 < k; t += 4) transposeTimes4(xd, w, acc, m, k, t, from, to);
		for (; t + 1 < k; t += 2) transposeTimes2(xd, w, acc, m, k, t, from, to);
		for (; t < k; t++) transposeTimes1(xd, w, acc, m, k, t, from, to);
	}

	// ------------------------------------------------------------------ X F, components t .. t+3

	private static void times4(final double[] x, final double[] f, final double[] out, final int outRow0, final int m, final int k, final int t, final int from, final int to) {
		int i = from;
		for (; i + 1 < to; i += 2) { // two rows share each load of F's row
			final int x0 = i * m, x1 = x0 + m;
			double a0 = 0, a1 = 0, a2 = 0, a3 = 0, b0 = 0, b1 = 0, b2 = 0, b3 = 0;
			for (int j = 0; j < m; j++) {
				final double u = x[x0 + j], v = x[x1 + j];
				final int fo = j * k + t;
				final double f0 = f[fo], f1 = f[fo + 1], f2 = f[fo + 2], f3 = f[fo + 3];
				a0 += u * f0; a1 += u * f1; a2 += u * f2; a3 += u * f3;
				b0 += v * f0; b1 += v * f1; b2 += v * f2; b3 += v * f3;
			}
			final int o = (i - outRow0) * k + t;
			out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3;
			out[o + k] = b0; out[o + k + 1] = b1; out[o + k + 2] = b2; out[o + k + 3] = b3;
		}
		for (; i < to; i++) {
			final int x0 = i * m;
			double a0 = 0, a1 = 0, a2 = 0, a3 = 0;
			for (int j = 0; j < m; j++) {
				final double u = x[x0 + j];
				final int fo = j * k + t;
				a0 += u * f[fo]; a1 += u * f[fo + 1]; a2 += u * f[fo + 2]; a3 += u * f[fo + 3];
			}
			final int o = (i - outRow0) * k + t;
			out[o] = a0; out[o + 1] = a1; out[o + 2] = a2; out[o + 3] = a3;
		}
	}

	private static void times2(final double[] x, final double[] f, final double[] out, final int outRow0, final int m, final int k, final int t, final int from, final int to) {
		int i = from;
		for (; i + 3 < to; i += 4) {
			final int x0 = i * m, x1 = x0 + m, x2 = x1 + m, x3 = x2 + m;
			double a0 = 0, a1 = 0, b0 = 0, b1 = 0, c0 = 0, c1 = 0, d0 = 0, d1 = 0;
			for (int j = 0; j < m; j++) {
				final int fo = j * k + t;
				final double f0 = f[fo], f1 = f[fo + 1];
				final double u = x[x0 + j], v = x[x1 + j], w = x[x2 + j], z = x[x3 + j];
				a0 += u * f0; a1 += u * f1; b0 += v * f0; b1 += v * f1;
				c0 += w * f0; c1 += w * f1; d0 += z * f0; d1 += z * f1;
			}
			final int o = (i - outRow0) * k + t;
			out[o] = a0; out[o + 1] = a1; out[o + k] = b0; out[o + k + 1] = b1;
			out[o + 2 * k] = c0; out[o + 2 * k + 1] = c1; out[o + 3 * k] = d0; out[o + 3 * k + 1] = d1;
		}
		for (; i < to; i++) {
			final int x0 = i * m;
			double a0 = 0, a1 = 0;
			for (int j = 0; j < m; j++) {
				final double u = x[x0 + j];
				final int fo = j * k + t;
				a0 += u * f[fo]; a1 += u * f[fo + 1];
			}
			out[(i - outRow0) * k + t] = a0; out[(i - outRow0) * k + t + 1] = a1;
		}
	}

	private static void times1(final double[] x, final double[] f, final double[] out, final int outRow0, final int m, final int k, final int t, final int from, final int to) {
		int i = from;
		for (; i + 3 < to; i += 4) {
			final int x0 = i * m, x1 = x0 + m, x2 = x1 + m, x3 = x2 + m;
			double a = 0, b = 0, c = 0, d = 0;
			for (int j = 0; j < m; j++) {
				final double fj = f[j * k + t];
				a += x[x0 + j] * fj; b += x[x1 + j] * fj; c += x[x2 + j] * fj; d += x[x3 + j] * fj;
			}
			final int o = (i - outRow0) * k + t;
			out[o] = a; out[o + k] = b; out[o + 2 * k] = c; out[o + 3 * k] = d;
		}
		for (; i < to; i++) {
			final int x0 = i * m;
			double a = 0;
			for (int j = 0; j < m; j++) a += x[x0 + j] * f[j * k + t];
			out[(i - outRow0) * k + t] = a;
		}
	}

	// ------------------------------------------------------------------ X^T W, components t .. t+3

	private static void transposeTimes4(final double[] x, final double[] w, final double[] acc, final int m, final int k, final int t, final int from, final int to) {
		int i = from;
		for (; i + 3 < to; i += 4) {
			final int x0 = i * m, x1 = x0 + m, x2 = x1 + m, x3 = x2 + m;
			final int w0 = i * k + t, w1 = w0 + k, w2 = w1 + k, w3 = w2 + k;
			final double p0 = w[w0], p1 = w[w0 + 1], p2 = w[w0 + 2], p3 = w[w0 + 3];
			final double q0 = w[w1], q1 = w[w1 + 1], q2 = w[w1 + 2], q3 = w[w1 + 3];
			final double r0 = w[w2], r1 = w[w2 + 1], r2 = w[w2 + 2], r3 = w[w2 + 3];
			final double s0 = w[w3], s1 = w[w3 + 1], s2 = w[w3 + 2], s3 = w[w3 + 3];
			for (int j = 0; j < m; j++) {
				final double a = x[x0 + j], b = x[x1 + j], c = x[x2 + j], d = x[x3 + j];
				final int ao = j * k + t;
				acc[ao] += (a * p0 + b * q0) + (c * r0 + d * s0);
				acc[ao + 1] += (a * p1 + b * q1) + (c * r1 + d * s1);
				acc[ao + 2] += (a * p2 + b * q2) + (c * r2 + d * s2);
				acc[ao + 3] += (a * p3 + b * q3) + (c * r3 + d * s3);
			}
		}
		for (; i < to; i++) {
			final int x0 = i * m, w0 = i * k + t;
			final double p0 = w[w0], p1 = w[w0 + 1], p2 = w[w0 + 2], p3 = w[w0 + 3];
			for (int j = 0; j < m; j++) {
				final double a = x[x0 + j];
				final int ao = j * k + t;
				acc[ao] += a * p0; acc[ao + 1] += a * p1; acc[ao + 2] += a * p2; acc[ao + 3] += a * p3;
			}
		}
	}

	private static void transposeTimes2(final double[] x, final double[] w, final double[] acc, final int m, final int k, final int t, final int from, final int to) {
		int i = from;
		for (; i + 3 < to; i += 4) {
			final int x0 = i * m, x1 = x0 + m, x2 = x1 + m, x3 = x2 + m;
			final int w0 = i * k + t, w1 = w0 + k, w2 = w1 + k, w3 = w2 + k;
			final double p0 = w[w0], p1 = w[w0 + 1], q0 = w[w1], q1 = w[w1 + 1];
			final double r0 = w[w2], r1 = w[w2 + 1], s0 = w[w3], s1 = w[w3 + 1];
			for (int j = 0; j < m; j++) {
				final double a = x[x0 + j], b = x[x1 + j], c = x[x2 + j], d = x[x3 + j];
				final int ao = j * k + t;
				acc[ao] += (a * p0 + b * q0) + (c * r0 + d * s0);
				acc[ao + 1] += (a * p1 + b * q1) + (c * r1 + d * s1);
			}
		}
		for (; i < to; i++) {
			final int x0 = i * m, w0 = i * k + t;
			final double p0 = w[w0], p1 = w[w0 + 1];
			for (int j = 0; j < m; j++) {
				final double a = x[x0 + j];
				final int ao = j * k + t;
				acc[ao] += a * p0; acc[ao + 1] += a * p1;
			}
		}
	}

	private static void transposeTimes1(final double[] x, final double[] w, final double[] acc, final int m, final int k, final int t, final int from, final int to) {
		int i = from;
		for (; i + 3 < to; i += 4) {
			final int x0 = i * m, x1 = x0 + m, x2 = x1 + m, x3 = x2 + m;
			final int w0 = i * k + t;
			final double p = w[w0], q = w[w0 + k], r = w[w0 + 2 * k], s = w[w0 + 3 * k];
			for (int j = 0; j < m; j++) acc[j * k + t] += (x[x0 + j] * p + x[x1 + j] * q) + (x[x2 + j] * r + x[x3 + j] * s);
		}
		for (; i < to; i++) {
			final int x0 = i * m;
			final double p = w[i * k + t];
			for (int j = 0; j < m; j++) acc[j * k + t] += x[x0 + j] * p;
		}
	}
}
