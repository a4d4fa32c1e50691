package org.medprep.core.normalize;

import java.util.List;

import org.medprep.core.Planes;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/** Quality measures against a phantom's truth, for tests and the quality report. */
public final class Metrics {

	private Metrics() {}

	/** Pearson correlation of a and b over the voxels where labels > 0. */
	public static double correlation(final RandomAccessibleInterval<? extends RealType<?>> a, final RandomAccessibleInterval<? extends RealType<?>> b,
		final RandomAccessibleInterval<? extends RealType<?>> labels)
	{
		final double[] s = new double[6];
		final int nx = (int) a.dimension(0);
		final List<double[]> la = Planes.map(a, labels, (z, v, l) -> {
			final double[] out = new double[v.length];
			for (int i = 0; i < v.length; i++) out[i] = l[i] > 0 ? v[i] : Double.NaN;
			return out;
		});
		final List<double[]> lb = Planes.map(b, (z, v) -> v);
		for (int z = 0; z < la.size(); z++) {
			final double[] x = la.get(z), y = lb.get(z);
			for (int i = 0; i < x.length; i++) {
				if (Double.isNaN(x[i])) continue;
				s[0]++;
				s[1] += x[i];
				s[2] += y[i];
				s[3] += x[i] * x[i];
				s[4] += y[i] * y[i];
				s[5] += x[i] * y[i];
			}
		}
		final double n = s[0];
		final double cov = s[5] / n - s[1] / n * s[2] / n;
		final double va = s[3] / n - s[1] / n * s[1] / n, vb = s[4] / n - s[2] / n * s[2] / n;
		return cov / Math.sqrt(va * vb);
	}

	/** Mean and std (ddof 0) of image where labels == label. */
	static double[] meanStd(final RandomAccessibleInterval<? extends RealType<?>> image, final RandomAccessibleInterval<? extends RealType<?>> labels,
		final int label)
	{
		final List<double[]> p = Planes.map(image, labels, (z, v, l) -> {
			double n = 0, s = 0, ss = 0;
			for (int i = 0; i < v.length; i++)
				if (l[i] == label) {
					n++;
					s += v[i];
					ss += v[i] * v[i];
				}
			return new double[] { n, s, ss };
		});
		double n = 0, s = 0, ss = 0;
		for (final double[] q : p) {
			n += q[0];
			s += q[1];
			ss += q[2];
		}
		final double mean = s / n;
		return new double[] { mean, Math.sqrt(Math.max(0, ss / n - mean * mean)) };
	}

	public static double coefficientOfVariation(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends RealType<?>> labels, final int label)
	{
		final double[] ms = meanStd(image, labels, label);
		return ms[1] / ms[0];
	}
}
