package org.medprep.bench;

import java.util.Arrays;
import java.util.List;

import org.medprep.core.Geometry;
import org.medprep.core.phantom.MultimodalHeadPhantom;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.PhysicalAffine;

/**
 * The registration problems MedPrep is checked on (and compared with elastix
 * on): a T1 head to align with a T2 head moved by a known transform, with
 * anisotropic voxels and oblique direction cosines.
 * <ul>
 * <li>{@code rigid}: 10 degrees about an oblique axis and 20 mm; moving 1.1 x 1.1 x 3 mm, oblique;</li>
 * <li>{@code affine}: rotation, anisotropic scaling and shear; both grids 160 x 160 x 128 and oblique
 * (the benchmark case);</li>
 * <li>{@code thick-slices}: affine onto 0.9 x 0.9 x 4 mm oblique slices, like a 2D FLAIR.</li>
 * </ul>
 * {@code scale} > 1 makes voxels that much larger (and grids smaller) for fast tests.
 */
public final class RegistrationCases {

	private RegistrationCases() {}

	public static List<RegistrationCase> all(final double scale) {
		return Arrays.asList(rigid(scale), affine(scale), thickSlices(scale));
	}

	/** By name: rigid, affine, thick-slices. @throws IllegalArgumentException for another name */
	public static RegistrationCase named(final String name, final double scale) {
		for (final RegistrationCase c : all(scale))
			if (c.name().equals(name)) return c;
		throw new IllegalArgumentException("unknown registration case '" + name + "' (rigid, affine, thick-slices)");
	}

	public static RegistrationCase rigid(final double scale) {
		final double[][] r = axisAngle(new double[] { 0.36, -0.48, 0.8 }, 10);
		final PhysicalAffine truth = moved(PhysicalAffine.linearAbout(r, new double[3]), 12, -9.6, 12.8);
		final Grid fixed = grid(new long[] { 160, 160, 128 }, new double[] { 1.2, 1.2, 1.4 }, identity(), new double[3], scale);
		final Grid moving = grid(new long[] { 176, 176, 60 }, new double[] { 1.1, 1.1, 3.0 }, rotation(12, -8, 15), truth.apply(new double[3]), scale);
		return new RegistrationCase("rigid", fixed, moving, truth, MultimodalHeadPhantom.standard());
	}

	public static RegistrationCase affine(final double scale) {
		final double[][] shear = { { 1.06, 0.04, 0 }, { 0, 0.94, -0.03 }, { 0.02, 0, 1.03 } };
		final double[][] a = PhysicalAffine.multiply(rotation(5, -4, 6), shear);
		final PhysicalAffine truth = moved(PhysicalAffine.linearAbout(a, new double[3]), -8, 14, 6);
		final Grid fixed = grid(new long[] { 160, 160, 128 }, new double[] { 1.2, 1.2, 1.5 }, rotation(-10, 5, 8), new double[] { 3, -2, 1 }, scale);
		final Grid moving = grid(new long[] { 160, 160, 128 }, new double[] { 1.25, 1.25, 1.5 }, rotation(6, 10, -12), truth.apply(new double[3]), scale);
		return new RegistrationCase("affine", fixed, moving, truth, MultimodalHeadPhantom.standard().withSeed(2));
	}

	public static RegistrationCase thickSlices(final double scale) {
		final double[][] a = PhysicalAffine.multiply(rotation(-4, 3, 5), new double[][] { { 0.96, 0, 0 }, { 0, 1.04, 0.02 }, { 0, 0, 1.02 } });
		final PhysicalAffine truth = moved(PhysicalAffine.linearAbout(a, new double[] { 0, 0, 10 }), 5, -15, 10);
		final Grid fixed = grid(new long[] { 144, 176, 144 }, new double[] { 1.0, 1.0, 1.0 }, identity(), new double[3], scale);
		final Grid moving = grid(new long[] { 224, 256, 36 }, new double[] { 0.9, 0.9, 4.0 }, rotation(15, 0, -5), truth.apply(new double[3]), scale);
		return new RegistrationCase("thick-slices", fixed, moving, truth, MultimodalHeadPhantom.standard().withSeed(3));
	}

	private static PhysicalAffine moved(final PhysicalAffine a, final double x, final double y, final double z) {
		return PhysicalAffine.translation(new double[] { x, y, z }).after(a);
	}

	/** A grid whose centre is {@code centre}; {@code scale} multiplies the spacing and divides the size. */
	static Grid grid(final long[] size, final double[] spacing, final double[][] direction, final double[] centre, final double scale) {
		final long[] n = new long[3];
		final double[] s = new double[3];
		for (int d = 0; d < 3; d++) {
			n[d] = Math.max(8, Math.round(size[d] / scale));
			s[d] = spacing[d] * size[d] / n[d];
		}
		final double[] origin = centre.clone();
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++) origin[r] -= direction[r][c] * s[c] * (n[c] - 1) / 2.0;
		return Grid.of(n, Geometry.of(s, origin, direction));
	}

	static double[][] rotation(final double x, final double y, final double z) {
		return PhysicalAffine.rotationMatrix(Math.toRadians(x), Math.toRadians(y), Math.toRadians(z));
	}

	static double[][] identity() {
		return new double[][] { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
	}

	/** Rodrigues' rotation by {@code degrees} about {@code axis}. */
	static double[][] axisAngle(final double[] axis, final double degrees) {
		final double len = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
		final double x = axis[0] / len, y = axis[1] / len, z = axis[2] / len;
		final double c = Math.cos(Math.toRadians(degrees)), s = Math.sin(Math.toRadians(degrees)), k = 1 - c;
		return new double[][] { { c + x * x * k, x * y * k - z * s, x * z * k + y * s }, { y * x * k + z * s, c + y * y * k, y * z * k - x * s },
			{ z * x * k - y * s, z * y * k + x * s, c + z * z * k } };
	}
}
