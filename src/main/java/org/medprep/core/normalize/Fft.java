package org.medprep.core.normalize;

/** In-place radix-2 complex FFT, unnormalized in both directions (as vnl_fft_1d, which ITK's N4 uses). */
final class Fft {

	private Fft() {}

	/** Forward (sign -1) or backward (sign +1) transform of re + i im; length a power of 2. */
	static void transform(final double[] re, final double[] im, final boolean forward) {
		final int n = re.length;
		if (Integer.bitCount(n) != 1 || im.length != n) throw new IllegalArgumentException("FFT length must be a power of 2, got " + n);
		for (int i = 1, j = 0; i < n; i++) {
			int bit = n >> 1;
			for (; (j & bit) != 0; bit >>= 1) j ^= bit;
			j ^= bit;
			if (i < j) {
				double t = re[i];
				re[i] = re[j];
				re[j] = t;
				t = im[i];
				im[i] = im[j];
				im[j] = t;
			}
		}
		for (int len = 2; len <= n; len <<= 1) {
			final double angle = (forward ? -2 : 2) * Math.PI / len;
			final double wr = Math.cos(angle), wi = Math.sin(angle);
			for (int i = 0; i < n; i += len) {
				double cr = 1, ci = 0;
				for (int k = 0; k < len / 2; k++) {
					final int a = i + k, b = a + len / 2;
					final double xr = re[b] * cr - im[b] * ci, xi = re[b] * ci + im[b] * cr;
					re[b] = re[a] - xr;
					im[b] = im[a] - xi;
					re[a] += xr;
					im[a] += xi;
					final double ncr = cr * wr - ci * wi;
					ci = cr * wi + ci * wr;
					cr = ncr;
				}
			}
		}
	}
}
