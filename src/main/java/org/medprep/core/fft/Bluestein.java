package org.medprep.core.fft;

/**
 * Bluestein's chirp-z form of a length-n DFT, for lengths with a large prime
 * factor: {@code jk = (j^2 + k^2 - (k-j)^2)/2} turns the DFT into a
 * convolution with the chirp {@code e^(i pi k^2/n)}, done as a cyclic
 * convolution by power-of-2 FFTs of length {@code m >= 2n-1}. The chirp's
 * angle uses {@code k^2 mod 2n}, so it stays exact for large k.
 */
final class Bluestein {

	private final int n, m;
	private final double[] chirpRe, chirpIm;
	private final double[] kernelRe, kernelIm;
	private final ComplexFft inner;
	private final double[] aRe, aIm;

	Bluestein(final int n) {
		this.n = n;
		int size = 1;
		while (size < 2 * n - 1) size <<= 1;
		this.m = size;
		this.chirpRe = new double[n];
		this.chirpIm = new double[n];
		for (int k = 0; k < n; k++) {
			final long k2 = ((long) k * k) % (2L * n);
			final double a = -Math.PI * k2 / n;
			chirpRe[k] = Math.cos(a);
			chirpIm[k] = Math.sin(a);
		}
		this.inner = new ComplexFft(m);
		this.kernelRe = new double[m];
		this.kernelIm = new double[m];
		for (int k = 0; k < n; k++) {
			kernelRe[k] = chirpRe[k];
			kernelIm[k] = -chirpIm[k];
			if (k > 0) {
				kernelRe[m - k] = chirpRe[k];
				kernelIm[m - k] = -chirpIm[k];
			}
		}
		inner.forward(kernelRe, kernelIm);
		this.aRe = new double[m];
		this.aIm = new double[m];
	}

	private Bluestein(final Bluestein o) {
		this.n = o.n;
		this.m = o.m;
		this.chirpRe = o.chirpRe;
		this.chirpIm = o.chirpIm;
		this.kernelRe = o.kernelRe;
		this.kernelIm = o.kernelIm;
		this.inner = o.inner.copy();
		this.aRe = new double[m];
		this.aIm = new double[m];
	}

	Bluestein copy() {
		return new Bluestein(this);
	}

	void forward(final double[] re, final double[] im) {
		for (int k = 0; k < n; k++) {
			aRe[k] = re[k] * chirpRe[k] - im[k] * chirpIm[k];
			aIm[k] = re[k] * chirpIm[k] + im[k] * chirpRe[k];
		}
		java.util.Arrays.fill(aRe, n, m, 0);
		java.util.Arrays.fill(aIm, n, m, 0);
		inner.forward(aRe, aIm);
		for (int k = 0; k < m; k++) {
			final double r = aRe[k] * kernelRe[k] - aIm[k] * kernelIm[k];
			aIm[k] = aRe[k] * kernelIm[k] + aIm[k] * kernelRe[k];
			aRe[k] = r;
		}
		inner.inverse(aRe, aIm);
		for (int k = 0; k < n; k++) {
			final double r = aRe[k] / m, i = aIm[k] / m;
			re[k] = r * chirpRe[k] - i * chirpIm[k];
			im[k] = r * chirpIm[k] + i * chirpRe[k];
		}
	}
}
