package org.medprep.core.registration;

import java.util.List;

/**
 * Minus the Pearson correlation of fixed and moving values over the valid
 * points: -1 for a perfect match (of the same contrast up to a positive scale
 * and offset). Sums are accumulated in one look, the gradient from them.
 */
final class NormalizedCorrelation extends ImageMetric {

	@Override
	double evaluate(final SamplePass pass, final double[] gradient) {
		final int p = pass.transform.parameterCount();
		// per chunk: sf, sm, sff, smm, sfm, then sum dm, sum f dm, sum m dm (p each)
		final List<double[]> partials = pass.map(c -> {
			final double[] a = new double[5 + 3 * p];
			final double[] row = new double[p];
			for (int i = 0; i < c.count; i++) {
				final double f = c.fixed[i], m = c.moving[i];
				a[0] += f;
				a[1] += m;
				a[2] += f * f;
				a[3] += m * m;
				a[4] += f * m;
				if (gradient == null) continue;
				pass.transform.gradientRow(c.dx[i], c.dy[i], c.dz[i], c.gx[i], c.gy[i], c.gz[i], row);
				for (int k = 0; k < p; k++) {
					a[5 + k] += row[k];
					a[5 + p + k] += f * row[k];
					a[5 + 2 * p + k] += m * row[k];
				}
			}
			return a;
		});
		final double[] s = new double[5 + 3 * p];
		sum(partials, s);
		final int n = pass.validCount();
		if (n == 0) return Double.NaN;
		final double meanF = s[0] / n, meanM = s[1] / n;
		final double sff = s[2] - n * meanF * meanF, smm = s[3] - n * meanM * meanM, sfm = s[4] - n * meanF * meanM;
		if (!(sff > 0) || !(smm > 0)) {
			if (gradient != null) java.util.Arrays.fill(gradient, 0);
			return 0;
		}
		final double norm = Math.sqrt(sff * smm);
		if (gradient != null) {
			for (int k = 0; k < p; k++) {
				final double fd = s[5 + p + k] - meanF * s[5 + k];
				final double md = s[5 + 2 * p + k] - meanM * s[5 + k];
				gradient[k] = -(fd - sfm / smm * md) / norm;
			}
		}
		return -sfm / norm;
	}
}
