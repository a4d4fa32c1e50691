package org.medprep.core.augment;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.Rotate;
import org.medprep.core.spatial.Shift;
import org.medprep.core.spatial.SpatialPlan;
import org.medprep.core.spatial.Zoom;

/**
 * Scale, rotation and translation drawn at random and composed into one
 * resampling (TorchIO's {@code RandomAffine}): the content is scaled about
 * the centre, then rotated about it (x, y, z angles about the grid axes),
 * then translated (mm along the grid axes). Scales uniform in
 * [min, max] (one for all axes if isotropic), angles uniform in
 * [-max, max] degrees, translations uniform in [-max, max] mm.
 */
public final class RandomAffine implements RandomSpatialTransform {

	private final double scaleMin, scaleMax;
	private final boolean isotropic;
	private final double[] maxDegrees;
	private final double[] maxTranslationMm;

	/**
	 * @throws IllegalArgumentException if the scale range is not 0 < min <= max, or a maximum is negative
	 */
	public RandomAffine(final double scaleMin, final double scaleMax, final boolean isotropic, final double[] maxDegrees,
		final double[] maxTranslationMm)
	{
		if (!(scaleMin > 0 && scaleMin <= scaleMax) || !Double.isFinite(scaleMax))
			throw new IllegalArgumentException("scale range must satisfy 0 < min <= max, got [" + scaleMin + ", " + scaleMax + "]");
		this.scaleMin = scaleMin;
		this.scaleMax = scaleMax;
		this.isotropic = isotropic;
		this.maxDegrees = nonNegative("maximum rotation (degrees)", maxDegrees);
		this.maxTranslationMm = nonNegative("maximum translation (mm)", maxTranslationMm);
	}

	static double[] nonNegative(final String what, final double[] v) {
		if (v == null || v.length != 3) throw new IllegalArgumentException(what + " needs 3 values (x, y, z)");
		for (final double a : v)
			if (!(a >= 0) || !Double.isFinite(a)) throw new IllegalArgumentException(what + " must be >= 0 and finite, got " + a);
		return v.clone();
	}

	@Override
	public Draw draw(final Subject subject, final SplittableRandom random) {
		final double[] s = new double[3], r = new double[3], t = new double[3];
		for (int d = 0; d < 3; d++) s[d] = RandomSpatialTransform.uniform(random, scaleMin, scaleMax);
		if (isotropic) s[1] = s[2] = s[0];
		for (int d = 0; d < 3; d++) r[d] = RandomSpatialTransform.uniform(random, -maxDegrees[d], maxDegrees[d]);
		for (int d = 0; d < 3; d++) t[d] = RandomSpatialTransform.uniform(random, -maxTranslationMm[d], maxTranslationMm[d]);
		return new Draw(s, r, t);
	}

	/** Concrete scales, angles (degrees) and translation (mm). */
	public static final class Draw implements SpatialDraw {
		private final double[] scales, degrees, translation;

		public Draw(final double[] scales, final double[] degrees, final double[] translationMm) {
			this.scales = scales.clone();
			this.degrees = degrees.clone();
			this.translation = translationMm.clone();
		}

		public double[] scales() { return scales.clone(); }
		public double[] degrees() { return degrees.clone(); }
		public double[] translation() { return translation.clone(); }

		@Override
		public SpatialPlan plan(final Grid source) {
			return new Zoom(scales).plan(source)
				.then(new Rotate(degrees[0], degrees[1], degrees[2]).plan(source))
				.then(new Shift(translation).plan(source));
		}

		@Override
		public History.Step record(final History.Step step) {
			return step.withDrawn("scales", scales).withDrawn("degrees", degrees).withDrawn("translation_mm", translation);
		}

		@Override
		public String toString() {
			return "Random Affine scales=" + Arrays.toString(scales) + " degrees=" + Arrays.toString(degrees) + " translation_mm=" + Arrays.toString(translation);
		}
	}
}
