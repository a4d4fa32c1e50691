package org.medprep.core.spatial;

/**
 * How a resampling reads its input: interpolation, boundary mode and fill
 * value, and optionally a different interpolation along one coarse axis
 * (nnU-Net's treatment of thick-slice data: in-plane with the chosen order,
 * along the slice axis with nearest or linear). Immutable.
 * <p>
 * The per-axis orders form one separable (tensor-product) kernel. For an
 * axis-aligned resampling this is exactly nnU-Net's two passes (in-plane on
 * each slice, then along the slice axis), because separable interpolations
 * along different axes commute.
 */
public final class Sampling {

	private final Interpolation interpolation;
	private final BoundaryMode boundary;
	private final double fill;
	private final int coarseAxis;
	private final Interpolation coarseInterpolation;

	private Sampling(final Interpolation interpolation, final BoundaryMode boundary, final double fill, final int coarseAxis,
		final Interpolation coarseInterpolation)
	{
		this.interpolation = interpolation;
		this.boundary = boundary;
		this.fill = fill;
		this.coarseAxis = coarseAxis;
		this.coarseInterpolation = coarseInterpolation;
	}

	/** @throws IllegalArgumentException if an argument is null or the fill value is NaN */
	public static Sampling of(final Interpolation interpolation, final BoundaryMode boundary, final double fill) {
		if (interpolation == null) throw new IllegalArgumentException("interpolation must not be null");
		if (boundary == null) throw new IllegalArgumentException("boundary mode must not be null");
		if (Double.isNaN(fill)) throw new IllegalArgumentException("fill value must not be NaN");
		return new Sampling(interpolation, boundary, fill, -1, null);
	}

	/** Linear, 0 outside the voxel box ({@link BoundaryMode#BOX}). */
	public static Sampling linear() {
		return of(Interpolation.LINEAR, BoundaryMode.BOX, 0);
	}

	/** Nearest neighbour, background 0 outside the voxel box: the safe choice for label maps, crops and pads. */
	public static Sampling labels() {
		return of(Interpolation.NEAREST, BoundaryMode.BOX, 0);
	}

	public Sampling withInterpolation(final Interpolation i) {
		final Sampling s = of(i, boundary, fill);
		return coarseAxis < 0 ? s : s.withCoarseAxis(coarseAxis, coarseInterpolation);
	}

	public Sampling withFill(final double value) {
		final Sampling s = of(interpolation, boundary, value);
		return coarseAxis < 0 ? s : s.withCoarseAxis(coarseAxis, coarseInterpolation);
	}

	/**
	 * Interpolates along {@code axis} with {@code along} (nearest or linear)
	 * instead of the main interpolation. Ignored in label mode.
	 * @throws IllegalArgumentException if the axis is not 0..2 or {@code along} is not nearest/linear
	 */
	public Sampling withCoarseAxis(final int axis, final Interpolation along) {
		if (axis < 0 || axis > 2) throw new IllegalArgumentException("coarse axis must be 0 (x), 1 (y) or 2 (z), got " + axis);
		if (along != Interpolation.NEAREST && along != Interpolation.LINEAR)
			throw new IllegalArgumentException("along the coarse axis only nearest or linear are allowed, got " + along.label());
		return new Sampling(interpolation, boundary, fill, axis, along);
	}

	public Interpolation interpolation() { return interpolation; }
	public BoundaryMode boundary() { return boundary; }
	public double fill() { return fill; }
	/** The separately treated axis, or -1. */
	public int coarseAxis() { return coarseAxis; }

	/** Kernel order along each axis (0, 1 or 3). */
	int[] orders() {
		final int[] o = { interpolation.order(), interpolation.order(), interpolation.order() };
		if (coarseAxis >= 0 && interpolation != Interpolation.LABEL) o[coarseAxis] = coarseInterpolation.order();
		return o;
	}

	@Override
	public String toString() {
		return interpolation.label() + ", " + boundary.label() + (boundary == BoundaryMode.CONSTANT || boundary == BoundaryMode.BOX ? " " + fill : "")
			+ (coarseAxis >= 0 ? ", " + "xyz".charAt(coarseAxis) + " " + coarseInterpolation.label() : "");
	}
}
