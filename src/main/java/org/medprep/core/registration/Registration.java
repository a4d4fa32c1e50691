package org.medprep.core.registration;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;

import net.imglib2.type.numeric.RealType;

/**
 * Intensity-based rigid and affine registration of two 3D images in patient
 * coordinates, each with its full geometry (spacing, origin, direction
 * cosines), so images of different grids, orientations and resolutions are
 * aligned where they lie in the patient.
 * <p>
 * Multi-resolution (see {@link Pyramid}); at every level the transform is
 * optimized by {@link AdaptiveStochasticGradientDescent} on the chosen metric,
 * starting where the coarser level ended. Random points come from the
 * settings' seed only, and every sum is combined in a fixed order, so the
 * same seed gives the same transform, bit for bit, whatever the thread count
 * of the current ImgLib2 {@link net.imglib2.parallel.Parallelization} executor.
 * Progress is reported per iteration; an interrupt of the calling thread stops
 * the registration with a {@link CancellationException} within one iteration.
 */
public final class Registration {

	/** A mask must keep at least this many voxels on every level. */
	public static final int MIN_MASK_VOXELS = 16;
	private static final long OVERLAP_STREAM = -5;

	private final RegistrationSettings settings;

	public Registration(final RegistrationSettings settings) {
		if (settings == null) throw new IllegalArgumentException("registration settings must not be null");
		this.settings = settings;
	}

	public RegistrationSettings settings() { return settings; }

	public RegistrationResult register(final Volume<? extends RealType<?>> fixed, final Volume<? extends RealType<?>> moving) {
		return register(fixed, moving, null, null, ProgressListener.NONE);
	}

	/**
	 * @param fixedMask where the fixed image is sampled (non-zero), on the fixed grid; or null
	 * @param movingMask where moving values count (non-zero), on the moving grid; or null
	 * @throws IllegalArgumentException with one clear message for empty or mismatched masks, constant images, images that
	 *           do not overlap after initialization or stop overlapping during the optimization
	 * @throws CancellationException when the calling thread is interrupted
	 */
	public RegistrationResult register(final Volume<? extends RealType<?>> fixed, final Volume<? extends RealType<?>> moving,
		final Volume<? extends RealType<?>> fixedMask, final Volume<? extends RealType<?>> movingMask, final ProgressListener progress)
	{
		final Grid fixedGrid = Grid.of(fixed), movingGrid = Grid.of(moving);
		requireOnGrid("fixed", fixedMask, fixedGrid);
		requireOnGrid("moving", movingMask, movingGrid);
		final int levels = settings.levels();
		final double reference = Math.max(smallestSpacing(fixedGrid), smallestSpacing(movingGrid));
		final double[] sigmas = Pyramid.sigmas(levels, reference);
		final int[][] fixedShrink = Pyramid.shrinkFactors(fixedGrid, levels), movingShrink = Pyramid.shrinkFactors(movingGrid, levels);
		final List<LevelImage> fixedMasks = fixedMask == null ? null : Pyramid.build(fixedMask.data(), fixedGrid, fixedShrink, sigmas, true);
		final List<LevelImage> movingMasks = movingMask == null ? null : Pyramid.build(movingMask.data(), movingGrid, movingShrink, sigmas, true);
		final List<LevelImage> fixedLevels = Pyramid.build(fixed.data(), fixedGrid, fixedShrink, sigmas, false);
		final List<LevelImage> movingLevels = Pyramid.build(moving.data(), movingGrid, movingShrink, sigmas, false);
		final LevelImage finestFixed = fixedLevels.get(levels - 1), finestMoving = movingLevels.get(levels - 1);
		final LevelImage finestFixedMask = fixedMasks == null ? null : fixedMasks.get(levels - 1);
		final LevelImage finestMovingMask = movingMasks == null ? null : movingMasks.get(levels - 1);
		// the full-resolution masks first (coarser levels are checked as they come)
		if (finestFixedMask != null) requireMaskVoxels("fixed", finestFixedMask, levels - 1);
		if (finestMovingMask != null) requireMaskVoxels("moving", finestMovingMask, levels - 1);
		requireNotConstant("fixed", IntensityRange.of(finestFixed, finestFixedMask));
		requireNotConstant("moving", IntensityRange.of(finestMoving, finestMovingMask));

		final ParametricTransform initial = Initializer.initial(settings.transform(), settings.initialization(), finestFixed, finestFixedMask,
			finestMoving, finestMovingMask);
		ParametricTransform t = initial;
		final List<RegistrationResult.Level> summaries = new ArrayList<>();
		final long total = (long) levels * settings.iterations();
		for (int l = 0; l < levels; l++) {
			final LevelProblem problem = problem(l, fixedLevels.get(l), movingLevels.get(l), fixedMasks == null ? null : fixedMasks.get(l),
				movingMasks == null ? null : movingMasks.get(l));
			if (l == 0) requireOverlap(problem, t);
			final double step = meanSpacing(problem.fixed.grid, problem.moving.grid);
			final AdaptiveStochasticGradientDescent optimizer = new AdaptiveStochasticGradientDescent(problem, settings.samples(), step, settings.seed(), l);
			final int level = l;
			final long before = (long) l * settings.iterations();
			final AdaptiveStochasticGradientDescent.Outcome outcome;
			try {
				outcome = optimizer.optimize(t, settings.iterations(), (k, value) -> {
					if (Thread.currentThread().isInterrupted()) throw new CancellationException("registration cancelled");
					final int done = k + 1;
					if (done % 8 == 0 || done == settings.iterations())
						progress.progress(before + done, total, String.format(Locale.ROOT, "Registration level %d/%d, iteration %d/%d", level + 1, levels, done,
							settings.iterations()));
				});
			}
			catch (final RuntimeException e) {
				// an interrupt that reached a parallel pass first comes back wrapped by the task executor
				if (Thread.currentThread().isInterrupted() || causedByInterrupt(e)) throw new CancellationException("registration cancelled");
				throw e;
			}
			t = outcome.transform;
			summaries.add(new RegistrationResult.Level(outcome.iterations, outcome.value, outcome.gain, problem.fixed.grid.size()));
		}
		return new RegistrationResult(initial, t, fixedGrid, movingGrid, settings, summaries);
	}

	private LevelProblem problem(final int l, final LevelImage fixed, final LevelImage moving, final LevelImage fixedMask, final LevelImage movingMask) {
		final int[] maskVoxels = fixedMask == null ? null : requireMaskVoxels("fixed", fixedMask, l);
		if (movingMask != null) requireMaskVoxels("moving", movingMask, l);
		final double[] fixedRange = IntensityRange.of(fixed, fixedMask), movingRange = IntensityRange.of(moving, movingMask);
		requireNotConstant("fixed", fixedRange);
		requireNotConstant("moving", movingRange);
		final ImageMetric metric = ImageMetric.of(settings.metric(), settings.bins(), fixedRange, movingRange);
		final FixedSampler sampler = new FixedSampler(fixed, maskVoxels, settings.sampling(), settings.samples(), settings.seed(), l);
		return new LevelProblem(fixed, moving, movingMask, sampler, metric);
	}

	private void requireOverlap(final LevelProblem problem, final ParametricTransform t) {
		final LevelProblem.Evaluation e = problem.evaluate(t, settings.samples(), OVERLAP_STREAM, null);
		if (e.valid < AdaptiveStochasticGradientDescent.MIN_VALID_FRACTION * e.requested)
			throw new IllegalArgumentException("the images do not overlap after initialization (" + settings.initialization().label() + "): only "
				+ e.valid + " of " + e.requested + " fixed-image points map inside the moving image" + (problem.movingMask != null ? " and its mask" : "")
				+ "; check that both images show the same anatomy, or choose another initialization");
	}

	private static boolean causedByInterrupt(final Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof InterruptedException || t instanceof CancellationException) return true;
		return false;
	}

	/** The mask's voxels at level {@code l}; too few to sample is an error. */
	private int[] requireMaskVoxels(final String which, final LevelImage mask, final int l) {
		final int[] voxels = nonZeroVoxels(mask);
		if (voxels.length < MIN_MASK_VOXELS)
			throw new IllegalArgumentException("the " + which + " mask has " + (voxels.length == 0 ? "no voxels" : "only " + voxels.length + " voxel"
				+ (voxels.length == 1 ? "" : "s")) + (l == settings.levels() - 1 ? "" : " at pyramid level " + (l + 1) + " of " + settings.levels())
				+ ": too few samples inside the mask (at least " + MIN_MASK_VOXELS + " voxels are needed; use a larger mask"
				+ (l == settings.levels() - 1 ? "" : " or fewer levels") + ")");
		return voxels;
	}

	private static int[] nonZeroVoxels(final LevelImage mask) {
		int n = 0;
		for (final float v : mask.data)
			if (v != 0) n++;
		final int[] out = new int[n];
		for (int i = 0, k = 0; i < mask.data.length; i++)
			if (mask.data[i] != 0) out[k++] = i;
		return out;
	}

	private static void requireOnGrid(final String which, final Volume<?> mask, final Grid grid) {
		if (mask == null) return;
		final Grid g = Grid.of(mask);
		for (int d = 0; d < 3; d++)
			if (g.size(d) != grid.size(d))
				throw new IllegalArgumentException("the " + which + " mask is " + g.size(0) + "x" + g.size(1) + "x" + g.size(2) + " but the " + which
					+ " image is " + grid.size(0) + "x" + grid.size(1) + "x" + grid.size(2));
	}

	private static void requireNotConstant(final String which, final double[] range) {
		if (!(range[1] > range[0]))
			throw new IllegalArgumentException("the " + which + " image is constant" + (range.length > 2 && range[2] > 0 ? " inside its mask" : "")
				+ " (every value is " + range[0] + "): there is nothing to align");
	}

	private static double smallestSpacing(final Grid g) {
		return Math.min(g.geometry().spacing(0), Math.min(g.geometry().spacing(1), g.geometry().spacing(2)));
	}

	/** The default maximum step length (mm): elastix's mean voxel spacing of both images, here of the level's grids. */
	private static double meanSpacing(final Grid a, final Grid b) {
		double s = 0;
		for (int d = 0; d < 3; d++) s += a.geometry().spacing(d) + b.geometry().spacing(d);
		return s / 6;
	}
}
