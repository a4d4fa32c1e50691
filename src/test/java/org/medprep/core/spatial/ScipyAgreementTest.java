package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * The kernel against scipy.ndimage 1.10 on the committed fixtures (smooth
 * 24x20x16 float32 data, values up to about 450). Geometries are deliberately
 * not the identity: the index maps scipy works in must come out of the
 * physical-space plans unchanged.
 */
class ScipyAgreementTest {

	/** Axis-aligned, anisotropic, off-origin: spacings exactly representable so zoom ties round like scipy. */
	private static final Geometry ANISOTROPIC = Geometry.of(new double[] { 1.5, 0.75, 2.0 }, new double[] { -12.5, 30.25, 7.0 });

	/** Oblique direction cosines, isotropic spacing: for rotations, which scipy does in index space. */
	private static Geometry oblique() {
		final double a = Math.toRadians(25);
		final double[][] d = { { Math.cos(a), 0, Math.sin(a) }, { 0, 1, 0 }, { -Math.sin(a), 0, Math.cos(a) } };
		return Geometry.of(new double[] { 1.2, 1.2, 1.2 }, new double[] { 5, -3, 40 }, d);
	}

	private static float[] resize(final String fixture, final Interpolation interpolation, final String input) {
		final Volume<? extends RealType<?>> in = Fixtures.volume(input, ANISOTROPIC);
		final int[] n = Fixtures.size(fixture);
		final Volume<? extends RealType<?>> out = new ResizeToShape(new long[] { n[0], n[1], n[2] }).apply(in,
			Sampling.of(interpolation, BoundaryMode.CONSTANT, 0));
		return Fixtures.toArray(out.data());
	}

	@Test
	void zoomOrder0IsExact() {
		assertArrayEquals(Fixtures.values("zoom_order0"), resize("zoom_order0", Interpolation.NEAREST, "input"));
		assertArrayEquals(Fixtures.values("zoom_labels_order0"), resize("zoom_labels_order0", Interpolation.NEAREST, "labels"));
	}

	@Test
	void zoomOrder1() {
		final float[] ref = Fixtures.values("zoom_order1");
		final double diff = Fixtures.maxDiff(ref, resize("zoom_order1", Interpolation.LINEAR, "input"));
		assertTrue(diff <= 1e-4 * Fixtures.maxAbs(ref), "max difference " + diff);
	}

	@Test
	void zoomOrder3WithinOneInTenThousand() {
		final float[] ref = Fixtures.values("zoom_order3");
		final double diff = Fixtures.maxDiff(ref, resize("zoom_order3", Interpolation.CUBIC, "input"));
		assertTrue(diff <= 1e-4 * Fixtures.maxAbs(ref), "max difference " + diff + " vs range " + Fixtures.maxAbs(ref));
	}

	@Test
	void rotateOrder1() {
		// scipy's rotate(+30, axes=(1, 2)) turns +x towards -y: our -30 degrees about z
		final Volume<? extends RealType<?>> in = Fixtures.volume("input", oblique());
		final float[] out = Fixtures.toArray(new Rotate(0, 0, -30).apply(in, Sampling.of(Interpolation.LINEAR, BoundaryMode.CONSTANT, 0)).data());
		final float[] ref = Fixtures.values("rotate30_order1");
		final double diff = Fixtures.maxDiff(ref, out);
		assertTrue(diff <= 1e-4 * Fixtures.maxAbs(ref), "max difference " + diff);
	}

	@ParameterizedTest
	@CsvSource({ "1, constant", "1, nearest", "1, mirror", "3, constant", "3, nearest", "3, mirror" })
	void affineTransformEachMode(final int order, final String mode) {
		final Volume<? extends RealType<?>> in = Fixtures.volume("input", oblique());
		final Grid grid = Grid.of(in);
		final SpatialPlan plan = SpatialPlan.fromIndexMap(grid, grid, Fixtures.affineXyz());
		final Interpolation interpolation = order == 1 ? Interpolation.LINEAR : Interpolation.CUBIC;
		final float[] out = Fixtures.toArray(plan.apply(in, Sampling.of(interpolation, BoundaryMode.fromLabel(mode), -7.5)).data());
		final float[] ref = Fixtures.values("affine_order" + order + "_" + mode);
		final double diff = Fixtures.maxDiff(ref, out);
		assertTrue(diff <= 1e-4 * Fixtures.maxAbs(ref), order + "/" + mode + ": max difference " + diff + " vs range " + Fixtures.maxAbs(ref));
	}
}
