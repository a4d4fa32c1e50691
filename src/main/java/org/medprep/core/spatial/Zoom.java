package org.medprep.core.spatial;

import java.util.Arrays;

/**
 * Scales the content about the grid centre by a factor per grid axis
 * (2 = twice as large), resampled into the input grid (TorchIO's
 * {@code scales}). Zoom 1 is the identity.
 */
public final class Zoom implements SpatialOperation {

	private final double[] factors;

	/** @throws IllegalArgumentException if a factor is not positive and finite */
	public Zoom(final double[] factors) {
		if (factors == null || factors.length != 3) throw new IllegalArgumentException("zoom needs 3 factors (x, y, z)");
		for (int d = 0; d < 3; d++)
			if (!(factors[d] > 0) || !Double.isFinite(factors[d]))
				throw new IllegalArgumentException("zoom factor along " + "xyz".charAt(d) + " must be positive and finite, got " + factors[d]);
		this.factors = factors.clone();
	}

	public double[] factors() { return factors.clone(); }

	/** The pull-back: scale by 1/factor about the centre, along the grid axes. */
	static double[][] inverseScale(final Grid grid, final double[] factors) {
		final double[][] s = new double[3][3];
		for (int d = 0; d < 3; d++) s[d][d] = 1 / factors[d];
		return PhysicalAffine.inFrame(s, grid.geometry().direction());
	}

	@Override
	public SpatialPlan plan(final Grid source) {
		return SpatialPlan.of(source, source, PhysicalAffine.linearAbout(inverseScale(source, factors), source.center()));
	}

	@Override
	public String toString() {
		return "Zoom " + Arrays.toString(factors);
	}
}
