package org.medprep.core.bias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.medprep.core.Planes;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;

import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * N4 bias-field correction (Tustison et al. 2010), following ITK's
 * {@code N4BiasFieldCorrectionImageFilter}:
 * <pre>
 * on the image shrunk by the shrink factor (every f-th voxel, centred):
 *   log v = log(image) in the mask;  log b = 0
 *   for each fitting level:
 *     repeat until the iterations of the level are spent or convergence &lt;= threshold:
 *       u  = log v - log b
 *       u' = sharpen(u)                       (histogram deconvolution, {@link HistogramSharpener})
 *       lattice += B-spline fit of (u - u')   (one-level Lee-Wolberg-Shin approximation)
 *       log b_new = lattice at the voxels
 *       convergence = coefficient of variation of exp(log b_new - log b) over the mask
 *     double the control-point mesh (exact refinement), except after the last level
 * corrected = image / exp(lattice), evaluated at every full-resolution voxel
 * </pre>
 * Defaults are SimpleITK's and ANTs' usual ones (ITK's own default is one
 * level): shrink factor 4, 4 levels of at most 50 iterations, convergence
 * threshold 0.001, 4 control points per axis at the first level (so 5, 7, 11
 * after refinement), 200 histogram bins, FWHM 0.15, Wiener noise 0.01, cubic
 * splines.
 * <p>
 * Differences from ITK, on purpose: the mask is the given mask AND voxels &gt; 0
 * (ITK takes the log of positive voxels only but keeps others in the mask);
 * without a mask, voxels &gt; 0. The spline's parametric domain is the full
 * image (shrunk voxels sit at their full-resolution coordinates), so the
 * field is fitted and reconstructed on one domain; ITK fits on the shrunk
 * image's slightly smaller extent and stretches it over the full image.
 */
public final class N4BiasFieldCorrection {

	/** Parameters; immutable, {@code with*} return modified copies. */
	public static final class Options {
		private final int shrinkFactor;
		private final int[] iterations;
		private final double convergenceThreshold;
		private final int controlPoints;
		private final int histogramBins;
		private final double fwhm;
		private final double wienerNoise;

		private Options(final int shrinkFactor, final int[] iterations, final double convergenceThreshold, final int controlPoints,
			final int histogramBins, final double fwhm, final double wienerNoise)
		{
			if (shrinkFactor < 1) throw new IllegalArgumentException("shrink factor must be >= 1, got " + shrinkFactor);
			if (iterations.length < 1) throw new IllegalArgumentException("at least one fitting level is needed");
			for (final int i : iterations)
				if (i < 1) throw new IllegalArgumentException("iterations per level must be >= 1, got " + Arrays.toString(iterations));
			if (!(convergenceThreshold >= 0)) throw new IllegalArgumentException("convergence threshold must be >= 0, got " + convergenceThreshold);
			if (controlPoints < 4) throw new IllegalArgumentException("a cubic B-spline needs at least 4 control points per axis, got " + controlPoints);
			if (histogramBins < 2) throw new IllegalArgumentException("at least 2 histogram bins are needed, got " + histogramBins);
			if (!(fwhm > 0)) throw new IllegalArgumentException("bias field FWHM must be > 0, got " + fwhm);
			if (!(wienerNoise > 0)) throw new IllegalArgumentException("Wiener filter noise must be > 0, got " + wienerNoise);
			this.shrinkFactor = shrinkFactor;
			this.iterations = iterations.clone();
			this.convergenceThreshold = convergenceThreshold;
			this.controlPoints = controlPoints;
			this.histogramBins = histogramBins;
			this.fwhm = fwhm;
			this.wienerNoise = wienerNoise;
		}

		public static Options defaults() {
			return new Options(4, new int[] { 50, 50, 50, 50 }, 0.001, 4, 200, 0.15, 0.01);
		}

		public Options withShrinkFactor(final int f) { return new Options(f, iterations, convergenceThreshold, controlPoints, histogramBins, fwhm, wienerNoise); }
		/** Maximum iterations per fitting level; the number of levels is the array's length. */
		public Options withIterations(final int... its) { return new Options(shrinkFactor, its, convergenceThreshold, controlPoints, histogramBins, fwhm, wienerNoise); }
		public Options withConvergenceThreshold(final double t) { return new Options(shrinkFactor, iterations, t, controlPoints, histogramBins, fwhm, wienerNoise); }
		public Options withControlPoints(final int n) { return new Options(shrinkFactor, iterations, convergenceThreshold, n, histogramBins, fwhm, wienerNoise); }
		public Options withHistogramBins(final int b) { return new Options(shrinkFactor, iterations, convergenceThreshold, controlPoints, b, fwhm, wienerNoise); }
		public Options withFwhm(final double f) { return new Options(shrinkFactor, iterations, convergenceThreshold, controlPoints, histogramBins, f, wienerNoise); }
		public Options withWienerNoise(final double z) { return new Options(shrinkFactor, iterations, convergenceThreshold, controlPoints, histogramBins, fwhm, z); }

		public int shrinkFactor() { return shrinkFactor; }
		public int[] iterations() { return iterations.clone(); }
		public double convergenceThreshold() { return convergenceThreshold; }
		public int controlPoints() { return controlPoints; }
		public int histogramBins() { return histogramBins; }
		public double fwhm() { return fwhm; }
		public double wienerNoise() { return wienerNoise; }

		@Override
		public String toString() {
			return "N4(shrink " + shrinkFactor + ", iterations " + Arrays.toString(iterations) + ", convergence " + convergenceThreshold
				+ ", control points " + controlPoints + ", bins " + histogramBins + ", FWHM " + fwhm + ", Wiener noise " + wienerNoise + ")";
		}
	}

	/** The corrected image, the bias field (image = corrected * field) and how the fit went. */
	public static final class Result {
		private final Volume<FloatType> corrected;
		private final Volume<FloatType> biasField;
		private final int[] iterations;
		private final double[] convergence;

		Result(final Volume<FloatType> corrected, final Volume<FloatType> biasField, final int[] iterations, final double[] convergence) {
			this.corrected = corrected;
			this.biasField = biasField;
			this.iterations = iterations;
			this.convergence = convergence;
		}

		public Volume<FloatType> corrected() { return corrected; }
		public Volume<FloatType> biasField() { return biasField; }
		/** Iterations run at each level. */
		public int[] iterations() { return iterations.clone(); }
		/** The last convergence measurement of each level. */
		public double[] convergence() { return convergence.clone(); }
	}

	private N4BiasFieldCorrection() {}

	/**
	 * @param mask optional (null for voxels &gt; 0); non-zero voxels are corrected from
	 * @throws IllegalArgumentException if the mask (with voxels &gt; 0) is empty or the masked intensities are constant
	 */
	public static Result correct(final Volume<? extends RealType<?>> image, final RandomAccessibleInterval<? extends RealType<?>> mask,
		final Options options, final ProgressListener progress)
	{
		final RandomAccessibleInterval<? extends RealType<?>> data = image.data();
		if (mask != null) Planes.requireSameSize(data, mask);
		final int[] n = { (int) data.dimension(0), (int) data.dimension(1), (int) data.dimension(2) };
		final int f = options.shrinkFactor;
		final int[] m = new int[3], o = new int[3];
		for (int d = 0; d < 3; d++) {
			m[d] = Math.max(1, n[d] / f);
			o[d] = ((n[d] - 1) - (m[d] - 1) * f) / 2;
		}

		// the shrunk, masked voxels: their full-resolution coordinates and log intensities
		final double[][] gathered = gather(data, mask, m, o, f);
		final double[] points = gathered[0], logInput = gathered[1];
		final int count = logInput.length;
		if (count == 0) throw new IllegalArgumentException(mask == null ? "N4 found no voxel > 0 in the image" : "the N4 mask holds no voxel > 0 (empty mask)");
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (final double v : logInput) {
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		if (!(hi > lo)) throw new IllegalArgumentException("N4 cannot correct a constant image: every masked voxel is " + Math.exp(lo));

		final int levels = options.iterations.length;
		int[] mesh = { options.controlPoints - 3, options.controlPoints - 3, options.controlPoints - 3 };
		CubicBSplineLattice lattice = null;
		double[] logBias = new double[count];
		final double[] uncorrected = logInput.clone();
		final int[] ran = new int[levels];
		final double[] converged = new double[levels];
		int totalIterations = 0;
		for (final int it : options.iterations) totalIterations += it;
		int done = 0;
		for (int level = 0; level < levels; level++) {
			double convergence = Double.MAX_VALUE;
			int iteration = 0;
			while (iteration < options.iterations[level] && convergence > options.convergenceThreshold) {
				iteration++;
				final double[] sharpened = HistogramSharpener.sharpen(uncorrected, options.histogramBins, options.fwhm, options.wienerNoise);
				final double[] residual = new double[count];
				for (int i = 0; i < count; i++) residual[i] = uncorrected[i] - sharpened[i];
				final CubicBSplineLattice update = CubicBSplineLattice.fit(n, lattice == null ? mesh : lattice.mesh, points, residual);
				if (lattice == null) lattice = update;
				else lattice.add(update);
				final double[] newLogBias = evaluateAt(lattice, points);
				convergence = coefficientOfVariation(newLogBias, logBias);
				logBias = newLogBias;
				for (int i = 0; i < count; i++) uncorrected[i] = logInput[i] - logBias[i];
				progress.progress(++done, totalIterations, "N4 level " + (level + 1) + " of " + levels + ", iteration " + iteration + ", convergence " + convergence);
			}
			ran[level] = iteration;
			converged[level] = convergence;
			done += options.iterations[level] - iteration;
			if (level < levels - 1) {
				lattice = lattice.refine();
				mesh = lattice.mesh;
			}
		}

		final PlanarImg<FloatType, FloatArray> field = fullResolutionField(lattice);
		final PlanarImg<FloatType, FloatArray> corrected = Planes.toFloat(data, (z, in, out) -> {
			final float[] b = field.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < in.length; i++) out[i] = (float) (in[i] / b[i]);
		});
		return new Result(image.withData(corrected), image.withData(field).withMetadata(org.medprep.core.Volume.UNITS, null), ran, converged);
	}

	/** Coordinates and log values of the masked positive voxels on the shrunk grid, in x, y, z order. */
	private static double[][] gather(final RandomAccessibleInterval<? extends RealType<?>> data, final RandomAccessibleInterval<? extends RealType<?>> mask,
		final int[] m, final int[] o, final int f)
	{
		final List<Integer> zs = new ArrayList<>();
		for (int k = 0; k < m[2]; k++) zs.add(k);
		final long[] min = data.minAsLongArray();
		final long[] maskMin = mask == null ? null : mask.minAsLongArray();
		final List<double[][]> planes = Parallelization.getTaskExecutor().forEachApply(zs, k -> {
			final RandomAccess<? extends RealType<?>> ra = data.randomAccess();
			final RandomAccess<? extends RealType<?>> ma = mask == null ? null : mask.randomAccess();
			final double[] pts = new double[3 * m[0] * m[1]], vals = new double[m[0] * m[1]];
			int c = 0;
			final int z = k * f + o[2];
			for (int j = 0; j < m[1]; j++) {
				final int y = j * f + o[1];
				for (int i = 0; i < m[0]; i++) {
					final int x = i * f + o[0];
					ra.setPosition(new long[] { min[0] + x, min[1] + y, min[2] + z });
					final double v = ra.get().getRealDouble();
					if (!(v > 0)) continue;
					if (ma != null) {
						ma.setPosition(new long[] { maskMin[0] + x, maskMin[1] + y, maskMin[2] + z });
						if (ma.get().getRealDouble() == 0) continue;
					}
					pts[3 * c] = x;
					pts[3 * c + 1] = y;
					pts[3 * c + 2] = z;
					vals[c++] = Math.log(v);
				}
			}
			return new double[][] { Arrays.copyOf(pts, 3 * c), Arrays.copyOf(vals, c) };
		});
		int total = 0;
		for (final double[][] p : planes) total += p[1].length;
		final double[] pts = new double[3 * total], vals = new double[total];
		int at = 0;
		for (final double[][] p : planes) {
			System.arraycopy(p[0], 0, pts, 3 * at, p[0].length);
			System.arraycopy(p[1], 0, vals, at, p[1].length);
			at += p[1].length;
		}
		return new double[][] { pts, vals };
	}

	private static double[] evaluateAt(final CubicBSplineLattice lattice, final double[] points) {
		final int count = points.length / 3;
		final double[] out = new double[count];
		final List<int[]> chunks = new ArrayList<>();
		for (int s = 0; s < count; s += 8192) chunks.add(new int[] { s, Math.min(count, s + 8192) });
		Parallelization.getTaskExecutor().forEach(chunks, ch -> {
			for (int p = ch[0]; p < ch[1]; p++) out[p] = lattice.evaluate(points[3 * p], points[3 * p + 1], points[3 * p + 2]);
		});
		return out;
	}

	/** ITK's CalculateConvergenceMeasurement: std / mean of exp(new - old) over the mask (running update, N - 1 in the std). */
	static double coefficientOfVariation(final double[] newField, final double[] oldField) {
		double mu = 0, sigma = 0, n = 0;
		for (int i = 0; i < newField.length; i++) {
			final double pixel = Math.exp(newField[i] - oldField[i]);
			n += 1;
			if (n > 1) sigma += (pixel - mu) * (pixel - mu) * (n - 1) / n;
			mu = mu * (1 - 1 / n) + pixel / n;
		}
		return n > 1 ? Math.sqrt(sigma / (n - 1)) / mu : 0;
	}

	private static PlanarImg<FloatType, FloatArray> fullResolutionField(final CubicBSplineLattice lattice) {
		final int[] n = lattice.domain;
		final int[] sx = new int[n[0]], sy = new int[n[1]], sz = new int[n[2]];
		final double[] wx = lattice.axisWeights(0, sx), wy = lattice.axisWeights(1, sy), wz = lattice.axisWeights(2, sz);
		final PlanarImg<FloatType, FloatArray> field = PlanarImgs.floats(n[0], n[1], n[2]);
		final List<Integer> zs = new ArrayList<>();
		for (int z = 0; z < n[2]; z++) zs.add(z);
		Parallelization.getTaskExecutor().forEach(zs, z -> lattice.evaluatePlane(z, wx, sx, wy, sy, wz, sz, field.getPlane(z).getCurrentStorageArray(), true));
		return field;
	}
}
