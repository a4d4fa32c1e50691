package org.medprep.core.registration;

import java.util.SplittableRandom;

/**
 * Adaptive stochastic gradient descent (Klein, Pluim, Staring and Viergever,
 * IJCV 81, 2009), the optimizer of elastix's default parameter maps, with its
 * automatic parameter estimation.
 * <p>
 * Parameters are preconditioned by automatic scales: {@code P = diag(1/s_i)}
 * with {@code s_i} the mean of {@code |dT/dp_i|^2} over random fixed points, so
 * that a unit step of any parameter moves points by about 1 mm. A step is
 * {@code mu <- mu - gamma_k P g_k} with a fresh stochastic gradient {@code g_k}
 * every iteration and the gain {@code gamma_k = a / (t_k + A)}. The "time"
 * {@code t_k} adapts: it grows (smaller steps) when consecutive gradients point
 * in opposite directions and shrinks when they agree,
 * {@code t_k+1 = max(0, t_k + f(-g_k^T P g_k-1))} with a sigmoid {@code f}
 * between {@code fmin} and 1.
 * <p>
 * Before the iterations of a level, {@code a}, {@code fmin} and the sigmoid's
 * width are estimated from the data: at a few positions near the start
 * (perturbed so a step of about {@code delta} mm separates them), an "exact"
 * gradient from many points and a stochastic one from the usual number are
 * measured; their mean square norms give the signal {@code gg} and the noise
 * {@code ee}. The gain makes the first step move the farthest of the Jacobian
 * points by at most {@code delta} (the maximum step length, by default the
 * mean voxel spacing), reduced by the noise factor {@code gg / (gg + ee)}.
 */
final class AdaptiveStochasticGradientDescent {

	static final double A = 20;
	static final int JACOBIAN_POINTS = 1000;
	static final int GRADIENT_MEASUREMENTS = 3;
	/** The "exact" gradient of the estimation uses this many times the points of an iteration. */
	static final int EXACT_FACTOR = 4;
	static final double SIGMOID_SCALE_FACTOR = 0.1;
	/** Fewer valid points than this fraction of those drawn stops the registration (elastix: 1/4). */
	static final double MIN_VALID_FRACTION = 0.25;

	/** Streams of points reserved for the estimation (iterations use 0, 1, 2, ...). */
	private static final long JACOBIAN_STREAM = -1, PERTURBATION_STREAM = -2, MEASUREMENT_STREAM = -1000;

	/** Called after every iteration; may throw to stop. */
	@FunctionalInterface
	interface IterationObserver {
		void iterationDone(int iteration, double value);
	}

	/** What one level of optimization did. */
	static final class Outcome {
		final ParametricTransform transform;
		final double value, gain, noiseFactor;
		final int iterations;

		Outcome(final ParametricTransform transform, final double value, final double gain, final double noiseFactor, final int iterations) {
			this.transform = transform;
			this.value = value;
			this.gain = gain;
			this.noiseFactor = noiseFactor;
			this.iterations = iterations;
		}
	}

	private final LevelProblem problem;
	private final int samples;
	private final double maximumStep;
	private final long seed;
	private final int level;

	AdaptiveStochasticGradientDescent(final LevelProblem problem, final int samples, final double maximumStep, final long seed, final int level) {
		this.problem = problem;
		this.samples = samples;
		this.maximumStep = maximumStep;
		this.seed = seed;
		this.level = level;
	}

	Outcome optimize(final ParametricTransform start, final int iterations, final IterationObserver observer) {
		final int np = start.parameterCount();
		final double[][] offsets = jacobianPoints(start);
		final double[] precondition = precondition(start, offsets);
		final Estimate e = estimate(start, offsets, precondition);
		double[] mu = start.parameters();
		ParametricTransform current = start;
		final double[] g = new double[np], previous = new double[np];
		double time = 0, value = Double.NaN;
		for (int k = 0; k < iterations; k++) {
			value = evaluate(current, samples, k, g);
			if (k > 0) time = Math.max(0, time + e.sigmoid(-dot(g, previous, precondition)));
			final double gain = e.a / (time + A);
			for (int i = 0; i < np; i++) mu[i] -= gain * precondition[i] * g[i];
			System.arraycopy(g, 0, previous, 0, np);
			current = current.withParameters(mu);
			observer.iterationDone(k, value);
		}
		return new Outcome(current, value, e.a, e.noiseFactor, iterations);
	}

	/** Cost and gradient on a stream; stops with a clear message when too few points land in the moving image. */
	double evaluate(final ParametricTransform t, final int n, final long stream, final double[] gradient) {
		final LevelProblem.Evaluation ev = problem.evaluate(t, n, stream, gradient);
		if (ev.valid < MIN_VALID_FRACTION * ev.requested || !Double.isFinite(ev.value))
			throw new IllegalArgumentException("only " + ev.valid + " of " + ev.requested + " fixed-image points map inside the moving image"
				+ (problem.movingMask != null ? " and its mask" : "") + " at pyramid level " + (level + 1)
				+ (stream >= 0 ? ", iteration " + (stream + 1) : " (start of the level)")
				+ ": the images do not overlap enough (check that both show the same anatomy, or try another initialization)");
		return ev.value;
	}

	/** Offsets {@code x - c} of random fixed points (mm), where the Jacobian is measured. */
	private double[][] jacobianPoints(final ParametricTransform t) {
		final int k = JACOBIAN_POINTS;
		final double[] ux = new double[k], uy = new double[k], uz = new double[k];
		problem.sampler.random(SeedStreams.of(seed, level, JACOBIAN_STREAM, 0), k, ux, uy, uz);
		final double[][] p = problem.fixed.indexToPhysical;
		final double[] c = t.centre();
		final double[][] d = new double[k][3];
		for (int i = 0; i < k; i++)
			for (int r = 0; r < 3; r++) d[i][r] = p[r][0] * ux[i] + p[r][1] * uy[i] + p[r][2] * uz[i] + p[r][3] - c[r];
		return d;
	}

	/** {@code 1 / mean |dT/dp_i|^2} per parameter. */
	static double[] precondition(final ParametricTransform t, final double[][] offsets) {
		final int np = t.parameterCount();
		final double[] sum = new double[np], norms = new double[np];
		for (final double[] d : offsets) {
			t.jacobianColumnNorms(d, norms);
			for (int i = 0; i < np; i++) sum[i] += norms[i];
		}
		final double[] p = new double[np];
		for (int i = 0; i < np; i++) {
			final double s = sum[i] / offsets.length;
			p[i] = s > 1e-12 ? 1 / s : 1;
		}
		return p;
	}

	/** The estimated gain and sigmoid of a level. */
	static final class Estimate {
		final double a, fmin, fmax, omega, noiseFactor;

		Estimate(final double a, final double fmin, final double omega, final double noiseFactor) {
			this.a = a;
			this.fmin = fmin;
			this.fmax = 1;
			this.omega = omega;
			this.noiseFactor = noiseFactor;
		}

		/** From fmin at very negative x through 0 at x = 0 to fmax. */
		double sigmoid(final double x) {
			return fmin + (fmax - fmin) / (1 - fmax / fmin * Math.exp(-x / omega));
		}
	}

	private Estimate estimate(final ParametricTransform start, final double[][] offsets, final double[] precondition) {
		final int np = start.parameterCount();
		// Jacobian terms in the preconditioned space: C = mean J^T J (for the sigmoid width), and the largest |J|^2
		final double[][] cov = new double[np][np];
		final double[] unit = new double[np], column = new double[3];
		final double[][] j = new double[3][np];
		double maxJJ = 0;
		for (final double[] d : offsets) {
			double jj = 0;
			for (int i = 0; i < np; i++) {
				unit[i] = Math.sqrt(precondition[i]);
				start.displacement(d, unit, column);
				unit[i] = 0;
				for (int r = 0; r < 3; r++) {
					j[r][i] = column[r];
					jj += column[r] * column[r];
				}
			}
			maxJJ = Math.max(maxJJ, jj);
			for (int a = 0; a < np; a++)
				for (int b = 0; b < np; b++) cov[a][b] += j[0][a] * j[0][b] + j[1][a] * j[1][b] + j[2][a] * j[2][b];
		}
		double trC = 0, trCC = 0;
		for (int a = 0; a < np; a++) {
			trC += cov[a][a] / offsets.length;
			for (int b = 0; b < np; b++) trCC += (cov[a][b] / offsets.length) * (cov[a][b] / offsets.length);
		}
		final double perturbation = maxJJ > 1e-14 ? maximumStep / Math.sqrt(maxJJ) : 0;
		final SplittableRandom random = SeedStreams.of(seed, level, PERTURBATION_STREAM, 0);
		final double[] exact = new double[np], stochastic = new double[np], step = new double[3];
		double gg = 0, ee = 0, displacement = 0;
		final boolean noisy = problem.sampler.isStochastic();
		for (int m = 0; m < GRADIENT_MEASUREMENTS; m++) {
			final double[] mu = start.parameters();
			for (int i = 0; i < np; i++) mu[i] += perturbation * Math.sqrt(precondition[i]) * gaussian(random);
			final ParametricTransform at = start.withParameters(mu);
			evaluate(at, EXACT_FACTOR * samples, MEASUREMENT_STREAM - 2 * m, exact);
			gg += dot(exact, exact, precondition);
			if (noisy) {
				evaluate(at, samples, MEASUREMENT_STREAM - 2 * m - 1, stochastic);
				for (int i = 0; i < np; i++) stochastic[i] -= exact[i];
				ee += dot(stochastic, stochastic, precondition);
			}
			// how far the step P g moves the points: the largest displacement over the Jacobian points
			final double[] pg = new double[np];
			for (int i = 0; i < np; i++) pg[i] = precondition[i] * exact[i];
			for (final double[] d : offsets) {
				at.displacement(d, pg, step);
				displacement = Math.max(displacement, step[0] * step[0] + step[1] * step[1] + step[2] * step[2]);
			}
		}
		gg /= GRADIENT_MEASUREMENTS;
		ee /= GRADIENT_MEASUREMENTS;
		final double noiseFactor = gg / (gg + ee + 1e-300);
		final double a = displacement > 1e-300 ? maximumStep * A / Math.sqrt(displacement) * noiseFactor : 0;
		final double sigma3 = trC > 1e-14 ? ee / trC : 0;
		final double omega = Math.max(1e-14, SIGMOID_SCALE_FACTOR * sigma3 * Math.sqrt(trCC));
		return new Estimate(a, -0.99 + 0.98 * noiseFactor, omega, noiseFactor);
	}

	private static double dot(final double[] a, final double[] b, final double[] weights) {
		double s = 0;
		for (int i = 0; i < a.length; i++) s += a[i] * weights[i] * b[i];
		return s;
	}

	private static double gaussian(final SplittableRandom random) {
		final double u = 1 - random.nextDouble();
		return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.nextDouble());
	}
}
