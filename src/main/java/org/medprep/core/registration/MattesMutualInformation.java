package org.medprep.core.registration;

import java.util.List;

import org.medprep.core.spatial.CubicBSpline;

/**
 * Mattes mutual information (Mattes et al., IEEE TMI 22, 2003), as ITK and
 * elastix compute it: a joint histogram of {@code B} x {@code B} bins in which
 * a point adds one to the bin of its fixed intensity (zero-order window) and
 * spreads one over four bins of its moving intensity with the cubic B-spline
 * window, so the histogram, and the mutual information
 * {@code sum p log(p / (pf pm))}, are differentiable in the moving intensities.
 * With the fixed marginal independent of the transform, the derivative is
 * {@code (1/N) sum_x w(x) g(x)^T dT/dp}, where
 * {@code w(x) = (1/dm) sum_k beta3'(xi(x) - k) log(p(i(x), k) / pm(k))}. The
 * cost is minus the mutual information (nats).
 * <p>
 * Fixed bins span the fixed image's range (at this level, inside the fixed
 * mask) in {@code B} equal bins; moving intensities are mapped to
 * {@code [2, B-3]} so that the window's four bins stay inside the histogram.
 */
final class MattesMutualInformation extends ImageMetric {

	private final int bins;
	private final double fixedMin, fixedScale, movingMin, movingScale;

	MattesMutualInformation(final int bins, final double[] fixedRange, final double[] movingRange) {
		if (bins < 8) throw new IllegalArgumentException("mutual information needs at least 8 histogram bins, got " + bins);
		this.bins = bins;
		this.fixedMin = fixedRange[0];
		this.fixedScale = bins / (fixedRange[1] - fixedRange[0]);
		this.movingMin = movingRange[0];
		this.movingScale = (bins - 5) / (movingRange[1] - movingRange[0]);
	}

	int fixedBin(final double f) {
		final int b = (int) ((f - fixedMin) * fixedScale);
		return b < 0 ? 0 : b >= bins ? bins - 1 : b;
	}

	/** The continuous moving bin position, in [2, bins - 3]. */
	double movingPosition(final double m) {
		final double xi = 2 + (m - movingMin) * movingScale;
		return xi < 2 ? 2 : xi > bins - 3 ? bins - 3 : xi;
	}

	@Override
	double evaluate(final SamplePass pass, final double[] gradient) {
		final int b = bins;
		final List<double[]> histograms = pass.map(c -> {
			final double[] h = new double[b * b], w = new double[4];
			for (int i = 0; i < c.count; i++) {
				final double xi = movingPosition(c.moving[i]);
				int k = (int) xi;
				if (k > b - 3) k = b - 3;
				CubicBSpline.weights(xi - k, w, 0);
				final int at = fixedBin(c.fixed[i]) * b + k - 1;
				for (int j = 0; j < 4; j++) h[at + j] += w[j];
			}
			return h;
		});
		final double[] joint = new double[b * b];
		sum(histograms, joint);
		final int n = pass.validCount();
		if (n == 0) return Double.NaN;
		final double[] pf = new double[b], pm = new double[b];
		for (int i = 0; i < b; i++)
			for (int k = 0; k < b; k++) {
				final double p = joint[i * b + k] / n;
				joint[i * b + k] = p;
				pf[i] += p;
				pm[k] += p;
			}
		double mi = 0;
		// log(p / pm), the weight of a bin in the derivative; 0 where p is 0 (the window and its slope vanish there)
		final double[] logRatio = new double[b * b];
		for (int i = 0; i < b; i++)
			for (int k = 0; k < b; k++) {
				final double p = joint[i * b + k];
				if (p <= 0) continue;
				logRatio[i * b + k] = Math.log(p / pm[k]);
				mi += p * (logRatio[i * b + k] - Math.log(pf[i]));
			}
		if (gradient != null) {
			final int np = pass.transform.parameterCount();
			final List<double[]> parts = pass.again(c -> {
				final double[] g = new double[np];
				final double[] row = new double[np];
				for (int i = 0; i < c.count; i++) {
					final double xi = movingPosition(c.moving[i]);
					int k = (int) xi;
					if (k > b - 3) k = b - 3;
					final double t = xi - k, u = 1 - t;
					final int at = fixedBin(c.fixed[i]) * b + k - 1;
					// d/dxi of the four window weights
					final double w = -0.5 * u * u * logRatio[at] + (1.5 * t * t - 2 * t) * logRatio[at + 1]
						+ (2 * u - 1.5 * u * u) * logRatio[at + 2] + 0.5 * t * t * logRatio[at + 3];
					if (w == 0) continue;
					pass.transform.gradientRow(c.dx[i], c.dy[i], c.dz[i], c.gx[i], c.gy[i], c.gz[i], row);
					for (int q = 0; q < np; q++) g[q] += w * row[q];
				}
				return g;
			});
			sum(parts, gradient);
			// cost = -MI; d xi / d m = movingScale
			final double scale = -movingScale / n;
			for (int q = 0; q < np; q++) gradient[q] *= scale;
		}
		return -mi;
	}
}
