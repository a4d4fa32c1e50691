package org.medprep.core.spatial;

import java.util.Locale;

/**
 * Rotates the content about the centre of the grid by angles (degrees) about
 * the grid's own x, y and z axes (x first, then y, then z; right-handed: +90
 * about z turns +x into +y), in millimetres, so anisotropic voxels rotate
 * correctly.
 * <p>
 * The result is resampled into the input grid: size, spacing, origin and
 * direction cosines are unchanged and corners rotated out of the grid are
 * lost (scipy's {@code rotate(reshape=False)}). MedPrep never rotates the
 * direction cosines instead, so an augmented image and its label stay on the
 * grid the network expects.
 */
public final class Rotate implements SpatialOperation {

	private final double[] degrees;

	/** @throws IllegalArgumentException if an angle is not finite */
	public Rotate(final double x, final double y, final double z) {
		for (final double a : new double[] { x, y, z })
			if (!Double.isFinite(a)) throw new IllegalArgumentException("rotation angle must be finite, got " + a);
		this.degrees = new double[] { x, y, z };
	}

	public double[] degrees() { return degrees.clone(); }

	/** The forward content rotation in physical space. */
	static double[][] physicalRotation(final Grid grid, final double[] degrees) {
		final double[][] r = PhysicalAffine.rotationMatrix(Math.toRadians(degrees[0]), Math.toRadians(degrees[1]), Math.toRadians(degrees[2]));
		return PhysicalAffine.inFrame(r, grid.geometry().direction());
	}

	@Override
	public SpatialPlan plan(final Grid source) {
		final double[][] r = physicalRotation(source, degrees);
		final double[][] inverse = new double[3][3];
		for (int i = 0; i < 3; i++)
			for (int j = 0; j < 3; j++)
				inverse[i][j] = r[j][i];
		return SpatialPlan.of(source, source, PhysicalAffine.linearAbout(inverse, source.center()));
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "Rotate x=%s y=%s z=%s degrees", degrees[0], degrees[1], degrees[2]);
	}
}
