package org.medprep.core.bias;

import org.medprep.core.fft.ComplexFft;

/**
 * N4's histogram sharpening step (Tustison et al. 2010, eq. 8-10), following
 * ITK's {@code N4BiasFieldCorrectionImageFilter::SharpenImage}: the histogram
 * of the log intensities (triangular Parzen windows, {@code bins} bins over
 * [min, max]) is zero-padded to a power of 2, deconvolved with a Gaussian of
 * the given FWHM by a Wiener filter with noise {@code z}, and each value is
 * replaced by E[u | v], the expected sharpened intensity given the observed
 * one, interpolated linearly between bins.
 */
final class HistogramSharpener {

	private HistogramSharpener() {}

	/**
	 * @param v log intensities of the masked voxels
	 * @return the sharpened values, one per input
	 */
	static double[] sharpen(final double[] v, final int bins, final double fwhm, final double wienerNoise) {
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final double x : v) {
			lo = Math.min(lo, x);
			hi = Math.max(hi, x);
		}
		final double slope = (hi - lo) / (bins - 1);
		if (!(slope > 0)) throw new IllegalArgumentException("cannot sharpen the histogram: the masked intensities are constant");
		final double[] h = new double[bins];
		for (final double x : v) {
			final double c = (x - lo) / slope;
			final int idx = (int) Math.floor(c);
			final double offset = c - idx;
			if (offset == 0) h[idx] += 1;
			else if (idx < bins - 1) {
				h[idx] += 1 - offset;
				h[idx + 1] += offset;
			}
		}
		final int exponent = (int) Math.ceil(Math.log(bins) / Math.log(2)) + 1;
		final int n = 1 << exponent;
		final int offset = (int) (0.5 * (n - bins));

		final ComplexFft fft = new ComplexFft(n);
		final double[] vr = new double[n], vi = new double[n];
		for (int i = 0; i < bins; i++) vr[i + offset] = h[i];
		fft.forward(vr, vi);

		// Gaussian of the given FWHM in bin units, unit area, centred at 0 with wrap-around
		final double scaledFwhm = fwhm / slope;
		final double expFactor = 4 * Math.log(2) / (scaledFwhm * scaledFwhm);
		final double scaleFactor = 2 * Math.sqrt(Math.log(2) / Math.PI) / scaledFwhm;
		final double[] fr = new double[n], fi = new double[n];
		fr[0] = scaleFactor;
		final int half = n / 2;
		for (int i = 1; i <= half; i++) fr[i] = fr[n - i] = scaleFactor * Math.exp(-(double) i * i * expFactor);
		if (n % 2 == 0) fr[half] = scaleFactor * Math.exp(-0.25 * (double) n * n * expFactor);
		fft.forward(fr, fi);

		// Wiener deconvolution: U = V * Re(conj(F) / (conj(F) F + z))
		final double[] ur = new double[n], ui = new double[n];
		for (int i = 0; i < n; i++) {
			final double cr = fr[i], ci = -fi[i];
			final double dr = cr * fr[i] - ci * fi[i] + wienerNoise, di = cr * fi[i] + ci * fr[i];
			final double g = (cr * dr + ci * di) / (dr * dr + di * di);
			ur[i] = vr[i] * g;
			ui[i] = vi[i] * g;
		}
		fft.inverse(ur, ui);
		for (int i = 0; i < n; i++) {
			ur[i] = Math.max(ur[i], 0);
			ui[i] = 0;
		}

		// E[u | v] = (F * (u U)) / (F * U)
		final double[] nr = new double[n], ni = new double[n], dr = new double[n], di = new double[n];
		for (int i = 0; i < n; i++) {
			nr[i] = (lo + (i - offset) * slope) * ur[i];
			dr[i] = ur[i];
		}
		convolveWith(fft, nr, ni, fr, fi);
		convolveWith(fft, dr, di, fr, fi);
		final double[] e = new double[bins];
		for (int i = 0; i < bins; i++) e[i] = dr[i + offset] != 0 ? nr[i + offset] / dr[i + offset] : 0;

		final double[] out = new double[v.length];
		for (int k = 0; k < v.length; k++) {
			final double c = (v[k] - lo) / slope;
			final int idx = (int) Math.floor(c);
			out[k] = idx < bins - 1 ? e[idx] + (e[idx + 1] - e[idx]) * (c - idx) : e[bins - 1];
		}
		return out;
	}

	private static void convolveWith(final ComplexFft fft, final double[] re, final double[] im, final double[] fr, final double[] fi) {
		fft.forward(re, im);
		for (int i = 0; i < re.length; i++) {
			final double r = re[i] * fr[i] - im[i] * fi[i];
			im[i] = re[i] * fi[i] + im[i] * fr[i];
			re[i] = r;
		}
		fft.inverse(re, im);
	}
}
