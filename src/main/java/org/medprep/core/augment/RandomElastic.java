package org.medprep.core.augment;

import org.medprep.core.Labelled;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

import org.medprep.core.History;
import org.medprep.core.Subject;
import org.medprep.core.spatial.ControlGridDisplacementField;
import org.medprep.core.spatial.DenseDisplacementField;
import org.medprep.core.spatial.DisplacementField;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialPlan;

/**
 * Random elastic deformation, resampled into the input grid.
 * <ul>
 * <li>{@link Mode#DENSE}: Simard et al. 2003 as the tutorial does it: a field
 * uniform in [-1, 1] per voxel and component, smoothed by a Gaussian of sigma
 * voxels (O(N) whatever sigma) and scaled by alpha voxels.</li>
 * <li>{@link Mode#CONTROL_GRID}: TorchIO's {@code RandomElasticDeformation}:
 * cubic B-spline displacements on a coarse grid of control points, each
 * uniform in [-max, max] mm, the outer layers locked at zero.</li>
 * </ul>
 * The draw records one field seed from which the whole field is regenerated,
 * so the history line stays short and replays exactly.
 */
public final class RandomElastic implements RandomSpatialTransform {

	/** Dense random field (Simard 2003) or cubic B-spline control grid (TorchIO). */
	public enum Mode implements Labelled {
		DENSE("dense"),
		CONTROL_GRID("control grid");

		private final String label;

		Mode(final String label) { this.label = label; }

		@Override
		public String label() { return label; }
	}

	private final Mode mode;
	private final double sigma, alpha;
	private final int[] controlPoints;
	private final double maxDisplacementMm;
	private final int lockedBorders;

	private RandomElastic(final Mode mode, final double sigma, final double alpha, final int[] controlPoints, final double maxDisplacementMm,
		final int lockedBorders)
	{
		this.mode = mode;
		this.sigma = sigma;
		this.alpha = alpha;
		this.controlPoints = controlPoints;
		this.maxDisplacementMm = maxDisplacementMm;
		this.lockedBorders = lockedBorders;
	}

	/**
	 * @param sigma Gaussian sigma in voxels (> 0)
	 * @param alpha field scale in voxels (>= 0)
	 * @throws IllegalArgumentException if sigma <= 0 or alpha < 0
	 */
	public static RandomElastic dense(final double sigma, final double alpha) {
		if (!(sigma > 0) || !Double.isFinite(sigma)) throw new IllegalArgumentException("elastic sigma must be > 0, got " + sigma);
		if (!(alpha >= 0) || !Double.isFinite(alpha)) throw new IllegalArgumentException("elastic alpha must be >= 0, got " + alpha);
		return new RandomElastic(Mode.DENSE, sigma, alpha, null, 0, 0);
	}

	/**
	 * @param controlPoints per axis, at least 4 (TorchIO's default 7)
	 * @param maxDisplacementMm largest displacement of a control point (TorchIO's default 7.5)
	 * @param lockedBorders outer layers of control points held at 0 (0..2; TorchIO's default 2)
	 * @throws IllegalArgumentException on bad values
	 */
	public static RandomElastic controlGrid(final int[] controlPoints, final double maxDisplacementMm, final int lockedBorders) {
		if (controlPoints == null || controlPoints.length != 3) throw new IllegalArgumentException("control points need 3 values (x, y, z)");
		for (final int k : controlPoints)
			if (k < 4) throw new IllegalArgumentException("at least 4 control points per axis are needed, got " + k);
		if (lockedBorders < 0 || lockedBorders > 2) throw new IllegalArgumentException("locked borders must be 0, 1 or 2, got " + lockedBorders);
		if (!(maxDisplacementMm >= 0) || !Double.isFinite(maxDisplacementMm))
			throw new IllegalArgumentException("maximum displacement must be >= 0 mm, got " + maxDisplacementMm);
		return new RandomElastic(Mode.CONTROL_GRID, 0, 0, controlPoints.clone(), maxDisplacementMm, lockedBorders);
	}

	@Override
	public Draw draw(final Subject subject, final SplittableRandom random) {
		return new Draw(this, random.nextLong());
	}

	/** The field seed (and the transform's settings). */
	public static final class Draw implements SpatialDraw {
		private final RandomElastic t;
		private final long fieldSeed;

		Draw(final RandomElastic t, final long fieldSeed) {
			this.t = t;
			this.fieldSeed = fieldSeed;
		}

		public long fieldSeed() { return fieldSeed; }

		@Override
		public SpatialPlan plan(final Grid source) {
			return SpatialPlan.identity(source);
		}

		@Override
		public DisplacementField field(final Grid target) {
			if (t.mode == Mode.DENSE) return DenseDisplacementField.random(target, t.sigma, t.alpha, fieldSeed);
			return ControlGridDisplacementField.random(target, t.controlPoints, t.maxDisplacementMm, t.lockedBorders, new SplittableRandom(fieldSeed));
		}

		@Override
		public History.Step record(final History.Step step) {
			return step.withDrawn("field_seed", Long.toString(fieldSeed)).withField(toString());
		}

		@Override
		public String toString() {
			if (t.mode == Mode.DENSE)
				return String.format(Locale.ROOT, "Random Elastic dense sigma=%s alpha=%s field_seed=%d", t.sigma, t.alpha, fieldSeed);
			return String.format(Locale.ROOT, "Random Elastic control grid points=%s max_displacement_mm=%s locked_borders=%d field_seed=%d",
				Arrays.toString(t.controlPoints), t.maxDisplacementMm, t.lockedBorders, fieldSeed);
		}
	}
}
