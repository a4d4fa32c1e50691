package org.medprep.core.fft;

/**
 * Rader's form of a DFT of prime length p: with g a primitive root of p, the
 * non-zero indices are powers of g, and {@code X[g^q] = x[0] + sum_r
 * x[g^-r] w^(g^(q-r))} is a cyclic convolution of length p - 1, done by FFTs
 * of that composite length (for p = 181, length 180 = 4 x 3 x 3 x 5: about
 * half the work of Bluestein's power-of-2 route).
 */
final class Rader {

	private final int p;
	private final int[] in, out;
	private final double[] kernelRe, kernelIm;
	private final ComplexFft inner;
	private final double[] aRe, aIm;

	Rader(final int p) {
		this.p = p;
		final int n = p - 1;
		final int g = primitiveRoot(p);
		final int gInverse = power(g, p - 2, p);
		in = new int[n];
		out = new int[n];
		for (int r = 0, fwd = 1, inv = 1; r < n; r++) {
			out[r] = fwd;
			in[r] = inv;
			fwd = (int) ((long) fwd * g % p);
			inv = (int) ((long) inv * gInverse % p);
		}
		inner = new ComplexFft(n);
		kernelRe = new double[n];
		kernelIm = new double[n];
		for (int m = 0; m < n; m++) {
			final double a = -2 * Math.PI * out[m] / p; // w^(g^m)
			kernelRe[m] = Math.cos(a) / n; // the inverse transform's 1/n folded in
			kernelIm[m] = Math.sin(a) / n;
		}
		inner.forward(kernelRe, kernelIm);
		aRe = new double[n];
		aIm = new double[n];
	}

	private Rader(final Rader o) {
		this.p = o.p;
		this.in = o.in;
		this.out = o.out;
		this.kernelRe = o.kernelRe;
		this.kernelIm = o.kernelIm;
		this.inner = o.inner.copy();
		this.aRe = new double[p - 1];
		this.aIm = new double[p - 1];
	}

	Rader copy() {
		return new Rader(this);
	}

	void forward(final double[] re, final double[] im) {
		final int n = p - 1;
		double sumRe = re[0], sumIm = im[0];
		for (int r = 0; r < n; r++) {
			aRe[r] = re[in[r]];
			aIm[r] = im[in[r]];
			sumRe += aRe[r];
			sumIm += aIm[r];
		}
		inner.forward(aRe, aIm);
		for (int k = 0; k < n; k++) {
			final double r = aRe[k] * kernelRe[k] - aIm[k] * kernelIm[k];
			aIm[k] = aRe[k] * kernelIm[k] + aIm[k] * kernelRe[k];
			aRe[k] = r;
		}
		inner.inverse(aRe, aIm);
		final double x0Re = re[0], x0Im = im[0];
		re[0] = sumRe;
		im[0] = sumIm;
		for (int q = 0; q < n; q++) {
			re[out[q]] = x0Re + aRe[q];
			im[out[q]] = x0Im + aIm[q];
		}
	}

	/** The smallest generator of the multiplicative group modulo the prime p. */
	static int primitiveRoot(final int p) {
		final int[] factors = ComplexFft.factorize(p - 1);
		search: for (int g = 2; g < p; g++) {
			for (final int f : factors) {
				final int q = f == 4 ? 2 : f;
				if (power(g, (p - 1) / q, p) == 1) continue search;
			}
			return g;
		}
		return 1; // p = 2: the only unit
	}

	static int power(final int base, int e, final int mod) {
		long r = 1, b = base % mod;
		while (e > 0) {
			if ((e & 1) == 1) r = r * b % mod;
			b = b * b % mod;
			e >>= 1;
		}
		return (int) r;
	}
}
