package org.medprep.core.fft;

/**
 * Discrete Fourier transform of complex sequences of one length {@code n}
 * (any n &gt;= 1), in place on separate real and imaginary arrays, unnormalised
 * in both directions: forward {@code X[k] = sum_j x[j] e^(-2 pi i jk/n)},
 * inverse with {@code e^(+2 pi i jk/n)} (divide by n yourself), as numpy's
 * {@code fft}/{@code ifft} without the 1/n.
 * <p>
 * Mixed radix, decimation in time, recursive and out of place into the
 * caller's arrays (the scheme of KISS FFT): radix-4, 2, 3 and 5 butterflies
 * and a direct butterfly for any other prime factor up to
 * {@value #MAX_DIRECT_PRIME}. A larger prime length (181, 197...) goes
 * through Rader's convolution of length p - 1; any other length with a large
 * prime factor through Bluestein's chirp-z transform on a power-of-2 length. Twiddles are computed directly
 * (no recurrences), so every output has the accuracy of the sums themselves.
 * <p>
 * An instance owns scratch arrays: not thread-safe, make one per thread
 * ({@link #copy()} shares the tables). The arithmetic is the same on every
 * call, so results are bit-identical whatever thread runs them.
 */
public final class ComplexFft {

	/** Larger prime factors are handled by Bluestein's algorithm. */
	public static final int MAX_DIRECT_PRIME = 31;

	private final int n;
	private final int[] factors;
	private final double[] twRe, twIm;
	private final Bluestein bluestein;
	private final Rader rader;
	private final double[] workRe, workIm;
	private final double[] butterflyRe, butterflyIm;

	/** @throws IllegalArgumentException if n &lt; 1 */
	public ComplexFft(final int n) {
		if (n < 1) throw new IllegalArgumentException("FFT length must be >= 1, got " + n);
		this.n = n;
		final int[] f = factorize(n);
		int largest = 1;
		for (final int p : f) largest = Math.max(largest, p);
		if (largest > MAX_DIRECT_PRIME) {
			this.factors = null;
			this.twRe = this.twIm = null;
			this.rader = f.length == 1 ? new Rader(n) : null;
			this.bluestein = f.length == 1 ? null : new Bluestein(n);
			this.butterflyRe = this.butterflyIm = null;
		} else {
			this.factors = f;
			this.twRe = new double[n];
			this.twIm = new double[n];
			for (int k = 0; k < n; k++) {
				final double a = -2 * Math.PI * k / n;
				twRe[k] = Math.cos(a);
				twIm[k] = Math.sin(a);
			}
			this.bluestein = null;
			this.rader = null;
			this.butterflyRe = new double[largest];
			this.butterflyIm = new double[largest];
		}
		this.workRe = new double[n];
		this.workIm = new double[n];
	}

	private ComplexFft(final ComplexFft o) {
		this.n = o.n;
		this.factors = o.factors;
		this.twRe = o.twRe;
		this.twIm = o.twIm;
		this.bluestein = o.bluestein == null ? null : o.bluestein.copy();
		this.rader = o.rader == null ? null : o.rader.copy();
		this.workRe = new double[n];
		this.workIm = new double[n];
		this.butterflyRe = o.butterflyRe == null ? null : new double[o.butterflyRe.length];
		this.butterflyIm = o.butterflyIm == null ? null : new double[o.butterflyIm.length];
	}

	/** An instance for another thread: same tables, own scratch. */
	public ComplexFft copy() {
		return new ComplexFft(this);
	}

	public int length() {
		return n;
	}

	/** Forward transform of re + i im, in place. */
	public void forward(final double[] re, final double[] im) {
		check(re, im);
		if (bluestein != null) {
			bluestein.forward(re, im);
			return;
		}
		if (rader != null) {
			rader.forward(re, im);
			return;
		}
		System.arraycopy(re, 0, workRe, 0, n);
		System.arraycopy(im, 0, workIm, 0, n);
		work(workRe, workIm, 0, 1, re, im, 0, 0, n);
	}

	/** Inverse transform (unnormalised), in place: the forward transform of the conjugate, conjugated. */
	public void inverse(final double[] re, final double[] im) {
		check(re, im);
		for (int i = 0; i < n; i++) im[i] = -im[i];
		forward(re, im);
		for (int i = 0; i < n; i++) im[i] = -im[i];
	}

	private void check(final double[] re, final double[] im) {
		if (re.length < n || im.length < n)
			throw new IllegalArgumentException("FFT of length " + n + " given arrays of " + re.length + " and " + im.length);
	}

	/**
	 * The DFT of the {@code len} samples {@code in[inOff + j*stride]} into
	 * {@code out[outOff .. outOff+len)}: the sub-DFTs of the {@code p}
	 * decimated sequences go into consecutive blocks of {@code len/p}, then one
	 * butterfly per output index combines them.
	 */
	private void work(final double[] inRe, final double[] inIm, final int inOff, final int stride, final double[] outRe, final double[] outIm,
		final int outOff, final int level, final int len)
	{
		final int p = factors[level];
		final int m = len / p;
		if (m == 1) {
			for (int r = 0; r < p; r++) {
				outRe[outOff + r] = inRe[inOff + r * stride];
				outIm[outOff + r] = inIm[inOff + r * stride];
			}
		} else {
			for (int r = 0; r < p; r++)
				work(inRe, inIm, inOff + r * stride, stride * p, outRe, outIm, outOff + r * m, level + 1, m);
		}
		final int twStride = n / len;
		switch (p) {
			case 2: radix2(outRe, outIm, outOff, m, twStride); break;
			case 3: radix3(outRe, outIm, outOff, m, twStride); break;
			case 4: radix4(outRe, outIm, outOff, m, twStride); break;
			case 5: radix5(outRe, outIm, outOff, m, twStride); break;
			default: generic(outRe, outIm, outOff, m, twStride, p);
		}
	}

	private void radix2(final double[] re, final double[] im, final int off, final int m, final int tws) {
		for (int k = 0; k < m; k++) {
			final int a = off + k, b = a + m;
			final double wr = twRe[k * tws], wi = twIm[k * tws];
			final double tr = re[b] * wr - im[b] * wi, ti = re[b] * wi + im[b] * wr;
			re[b] = re[a] - tr;
			im[b] = im[a] - ti;
			re[a] += tr;
			im[a] += ti;
		}
	}

	private void radix3(final double[] re, final double[] im, final int off, final int m, final int tws) {
		final double h = Math.sqrt(3) / 2; // e^(-2 pi i/3) = -1/2 - i h
		for (int k = 0; k < m; k++) {
			final int a = off + k, b = a + m, c = b + m;
			final double w1r = twRe[k * tws], w1i = twIm[k * tws], w2r = twRe[2 * k * tws], w2i = twIm[2 * k * tws];
			final double t1r = re[b] * w1r - im[b] * w1i, t1i = re[b] * w1i + im[b] * w1r;
			final double t2r = re[c] * w2r - im[c] * w2i, t2i = re[c] * w2i + im[c] * w2r;
			final double sr = t1r + t2r, si = t1i + t2i, dr = t1r - t2r, di = t1i - t2i;
			final double mr = re[a] - 0.5 * sr, mi = im[a] - 0.5 * si;
			re[a] += sr;
			im[a] += si;
			re[b] = mr + h * di;
			im[b] = mi - h * dr;
			re[c] = mr - h * di;
			im[c] = mi + h * dr;
		}
	}

	private void radix4(final double[] re, final double[] im, final int off, final int m, final int tws) {
		for (int k = 0; k < m; k++) {
			final int a = off + k, b = a + m, c = b + m, d = c + m;
			final double w1r = twRe[k * tws], w1i = twIm[k * tws];
			final double w2r = twRe[2 * k * tws], w2i = twIm[2 * k * tws];
			final double w3r = twRe[3 * k * tws], w3i = twIm[3 * k * tws];
			final double t1r = re[b] * w1r - im[b] * w1i, t1i = re[b] * w1i + im[b] * w1r;
			final double t2r = re[c] * w2r - im[c] * w2i, t2i = re[c] * w2i + im[c] * w2r;
			final double t3r = re[d] * w3r - im[d] * w3i, t3i = re[d] * w3i + im[d] * w3r;
			final double s0r = re[a] + t2r, s0i = im[a] + t2i, s1r = re[a] - t2r, s1i = im[a] - t2i;
			final double s2r = t1r + t3r, s2i = t1i + t3i, s3r = t1r - t3r, s3i = t1i - t3i;
			re[a] = s0r + s2r;
			im[a] = s0i + s2i;
			re[c] = s0r - s2r;
			im[c] = s0i - s2i;
			// forward: X1 = s1 - i s3, X3 = s1 + i s3
			re[b] = s1r + s3i;
			im[b] = s1i - s3r;
			re[d] = s1r - s3i;
			im[d] = s1i + s3r;
		}
	}

	private void radix5(final double[] re, final double[] im, final int off, final int m, final int tws) {
		// e^(-2 pi i/5) = c1 - i s1, e^(-4 pi i/5) = c2 - i s2
		final double c1 = Math.cos(2 * Math.PI / 5), c2 = Math.cos(4 * Math.PI / 5), s1 = Math.sin(2 * Math.PI / 5), s2 = Math.sin(4 * Math.PI / 5);
		for (int k = 0; k < m; k++) {
			final int i0 = off + k, i1 = i0 + m, i2 = i1 + m, i3 = i2 + m, i4 = i3 + m;
			double wr = twRe[k * tws], wi = twIm[k * tws];
			final double t1r = re[i1] * wr - im[i1] * wi, t1i = re[i1] * wi + im[i1] * wr;
			wr = twRe[2 * k * tws];
			wi = twIm[2 * k * tws];
			final double t2r = re[i2] * wr - im[i2] * wi, t2i = re[i2] * wi + im[i2] * wr;
			wr = twRe[3 * k * tws];
			wi = twIm[3 * k * tws];
			final double t3r = re[i3] * wr - im[i3] * wi, t3i = re[i3] * wi + im[i3] * wr;
			wr = twRe[4 * k * tws];
			wi = twIm[4 * k * tws];
			final double t4r = re[i4] * wr - im[i4] * wi, t4i = re[i4] * wi + im[i4] * wr;
			final double a14r = t1r + t4r, a14i = t1i + t4i, d14r = t1r - t4r, d14i = t1i - t4i;
			final double a23r = t2r + t3r, a23i = t2i + t3i, d23r = t2r - t3r, d23i = t2i - t3i;
			final double x0r = re[i0], x0i = im[i0];
			final double b1r = x0r + c1 * a14r + c2 * a23r, b1i = x0i + c1 * a14i + c2 * a23i;
			final double b2r = x0r + c2 * a14r + c1 * a23r, b2i = x0i + c2 * a14i + c1 * a23i;
			// -i (s1 d14 + s2 d23) and -i (s2 d14 - s1 d23)
			final double e1r = s1 * d14i + s2 * d23i, e1i = -(s1 * d14r + s2 * d23r);
			final double e2r = s2 * d14i - s1 * d23i, e2i = -(s2 * d14r - s1 * d23r);
			re[i0] = x0r + a14r + a23r;
			im[i0] = x0i + a14i + a23i;
			re[i1] = b1r + e1r;
			im[i1] = b1i + e1i;
			re[i4] = b1r - e1r;
			im[i4] = b1i - e1i;
			re[i2] = b2r + e2r;
			im[i2] = b2i + e2i;
			re[i3] = b2r - e2r;
			im[i3] = b2i - e2i;
		}
	}

	private void generic(final double[] re, final double[] im, final int off, final int m, final int tws, final int p) {
		final double[] tr = butterflyRe, ti = butterflyIm;
		final int unit = n / p; // e^(-2 pi i/p) = tw[unit]
		for (int k = 0; k < m; k++) {
			for (int r = 0, t = 0; r < p; r++, t += k * tws) {
				final int i = off + k + r * m;
				tr[r] = re[i] * twRe[t] - im[i] * twIm[t];
				ti[r] = re[i] * twIm[t] + im[i] * twRe[t];
			}
			for (int q = 0; q < p; q++) {
				double sr = tr[0], si = ti[0];
				// (r q) mod p, stepped by q
				for (int r = 1, e = q; r < p; r++) {
					final int t = e * unit;
					sr += tr[r] * twRe[t] - ti[r] * twIm[t];
					si += tr[r] * twIm[t] + ti[r] * twRe[t];
					e += q;
					if (e >= p) e -= p;
				}
				re[off + k + q * m] = sr;
				im[off + k + q * m] = si;
			}
		}
	}

	/** Prime factors, fours first, then twos, threes and the other primes ascending. */
	static int[] factorize(final int n) {
		final java.util.List<Integer> f = new java.util.ArrayList<>();
		int r = n;
		while (r % 4 == 0) {
			f.add(4);
			r /= 4;
		}
		while (r % 2 == 0) {
			f.add(2);
			r /= 2;
		}
		for (int p = 3; (long) p * p <= r; p += 2)
			while (r % p == 0) {
				f.add(p);
				r /= p;
			}
		if (r > 1) f.add(r);
		if (f.isEmpty()) f.add(1);
		final int[] a = new int[f.size()];
		for (int i = 0; i < a.length; i++) a[i] = f.get(i);
		return a;
	}
}
