package org.medprep.core.registration;

import java.util.List;

/** Mean squared difference {@code (1/N) sum (M(T(x)) - F(x))^2} over the valid points. */
final class MeanSquares extends ImageMetric {

	@Override
	double evaluate(final SamplePass pass, final double[] gradient) {
		final int p = pass.transform.parameterCount();
		// per chunk: [sum of squares, then the gradient sum]
		final List<double[]> partials = pass.map(c -> {
			final double[] acc = new double[1 + p];
			final double[] row = new double[p];
			for (int i = 0; i < c.count; i++) {
				final double diff = c.moving[i] - c.fixed[i];
				acc[0] += diff * diff;
				if (gradient == null) continue;
				pass.transform.gradientRow(c.dx[i], c.dy[i], c.dz[i], c.gx[i], c.gy[i], c.gz[i], row);
				for (int k = 0; k < p; k++) acc[1 + k] += diff * row[k];
			}
			return acc;
		});
		final double[] total = new double[1 + p];
		sum(partials, total);
		final int n = pass.validCount();
		if (n == 0) return Double.NaN;
		if (gradient != null)
			for (int k = 0; k < p; k++) gradient[k] = 2 * total[1 + k] / n;
		return total[0] / n;
	}
}
