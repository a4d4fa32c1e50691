package org.medprep.core.phantom;

/**
 * How a simulated MR scanner maps tissue signal to stored intensities:
 * {@code scale * reference * (s / reference)^gamma + offset}. MR has no
 * standard intensity scale; a cohort of phantoms with different responses is
 * the multi-scanner data that intensity normalization must make comparable.
 */
public final class ScannerResponse {

	/** The reference signal that gamma pivots around (the response leaves it at {@code scale * reference + offset}). */
	public static final double REFERENCE = 1000;

	public static final ScannerResponse IDENTITY = new ScannerResponse(1, 0, 1);

	private final double scale;
	private final double offset;
	private final double gamma;

	/**
	 * @throws IllegalArgumentException unless scale and gamma are positive and finite
	 */
	public ScannerResponse(final double scale, final double offset, final double gamma) {
		if (!(scale > 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scanner scale must be > 0, got " + scale);
		if (!(gamma > 0) || Double.isInfinite(gamma)) throw new IllegalArgumentException("scanner gamma must be > 0, got " + gamma);
		if (!Double.isFinite(offset)) throw new IllegalArgumentException("scanner offset must be finite, got " + offset);
		this.scale = scale;
		this.offset = offset;
		this.gamma = gamma;
	}

	public double scale() { return scale; }
	public double offset() { return offset; }
	public double gamma() { return gamma; }

	/** The stored intensity of a tissue signal {@code s >= 0}. */
	public double apply(final double s) {
		return scale * REFERENCE * Math.pow(Math.max(s, 0) / REFERENCE, gamma) + offset;
	}

	@Override
	public String toString() {
		return "scanner(scale=" + scale + ", offset=" + offset + ", gamma=" + gamma + ")";
	}
}
