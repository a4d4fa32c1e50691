package org.medprep.core.augment.intensity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.testutil.TestVolumes;

import net.imglib2.type.numeric.real.FloatType;

/**
 * Each deterministic intensity transform, given concrete parameters, equals a
 * numpy reimplementation of its anchor's formula (make_fixtures.py next to the
 * fixtures) within float error.
 */
class IntensityAgreementTest {

	/** Relative to the reference's range (float32 storage and float arithmetic in the anchors). */
	static void assertClose(final String reference, final Volume<FloatType> actual, final double relative) {
		final float[] expected = Fixtures.values(reference);
		final double[] got = TestVolumes.values(actual.data());
		assertEquals(expected.length, got.length, reference);
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY, worst = 0;
		for (final float e : expected) {
			lo = Math.min(lo, e);
			hi = Math.max(hi, e);
		}
		final double tolerance = relative * Math.max(hi - lo, Math.max(Math.abs(lo), Math.abs(hi)));
		for (int i = 0; i < got.length; i++) {
			worst = Math.max(worst, Math.abs(got[i] - expected[i]));
			assertEquals(expected[i], got[i], tolerance, reference + " at voxel " + i);
		}
		// -Dmedprep.printAgreement=true reports the worst difference relative to the reference's scale
		if (Boolean.getBoolean("medprep.printAgreement")) System.out.printf("%-32s worst %.3g of scale%n", reference, worst * relative / tolerance);
	}

	private static final Volume<FloatType> INPUT = Fixtures.volume("input");

	@Test
	void gammaRangeFormsEqualNnUNets() {
		assertClose("gamma_range_0.8", new Gamma(0.8, Gamma.Formula.RANGE, false, false).apply(INPUT), 1e-6);
		assertClose("gamma_range_retain_1.3", new Gamma(1.3, Gamma.Formula.RANGE, false, true).apply(INPUT), 1e-6);
		assertClose("gamma_range_invert_1.4", new Gamma(1.4, Gamma.Formula.RANGE, true, false).apply(INPUT), 1e-6);
		assertClose("gamma_range_invert_retain_0.75", new Gamma(0.75, Gamma.Formula.RANGE, true, true).apply(INPUT), 1e-6);
	}

	@Test
	void gammaPowerEqualsTorchIOsSignedPower() {
		assertClose("gamma_power_1.2", new Gamma(1.2, Gamma.Formula.POWER, false, false).apply(INPUT), 1e-6);
	}

	@Test
	void contrastEqualsNnUNets() {
		assertClose("contrast_1.2_preserve", new Contrast(1.2, true).apply(INPUT), 1e-6);
		assertClose("contrast_0.7", new Contrast(0.7, false).apply(INPUT), 1e-6);
	}

	@Test
	void blurEqualsScipysGaussianFilterAndNnUNetsKernel() {
		final Volume<FloatType> in = Fixtures.volume("blur_input");
		assertClose("blur_scipy", new GaussianBlur(new double[] { 1.3, 0.6, 2.1 }, GaussianBlur.Kernel.SCIPY).apply(in), 1e-6);
		assertClose("blur_nnunet", new GaussianBlur(new double[] { 0.55, 0.9, 1.0 }, GaussianBlur.Kernel.NNUNET).apply(in), 1e-6);
	}

	@Test
	void biasFieldEqualsTorchIOsPolynomial() {
		final double[] c = { 0.3, -0.2, 0.1, 0.05, 0.25, -0.15, 0.2, 0.12, -0.3, 0.07, -0.4, 0.18, 0.09, -0.11, 0.33, -0.06, 0.21, -0.27, 0.14, 0.04 };
		assertClose("bias_order3", new BiasField(3, c).apply(Fixtures.volume("bias_input")), 1e-6);
	}

	@Test
	void lowResolutionRoundTripEqualsNnUNets() {
		final Volume<FloatType> in = Fixtures.volume("lowres_input");
		assertClose("lowres_0.6_0.73_0.5", new SimulatedLowResolution(new double[] { 0.6, 0.73, 0.5 }).apply(in), 1e-6);
		assertClose("lowres_0.5", new SimulatedLowResolution(new double[] { 0.5, 0.5, 0.5 }).apply(in), 1e-6);
	}

	@Test
	void motionEqualsTorchIOsSplicedSpectra() {
		final Volume<FloatType> in = Fixtures.volume("motion_input", org.medprep.core.Geometry.of(new double[] { 1.2, 1, 1.5 }, new double[] { -5, 3, 10 }));
		assertClose("motion_2", new Motion(new double[][] { { 3, -2, 5 }, { -4, 1, 2 } }, new double[][] { { 1.5, -1, 0.5 }, { -2, 0.7, 1 } },
			new double[] { 0.31, 0.72 }).apply(in), 1e-6);
		assertClose("motion_1_early", new Motion(new double[][] { { 0, 0, 12 } }, new double[][] { { 0, 0, 0 } }, new double[] { 0.45 }).apply(in), 1e-6);
	}

	@Test
	void ghostingEqualsTorchIOsAttenuatedPlanes() {
		final Volume<FloatType> in = Fixtures.volume("ghost_input");
		assertClose("ghost_y_3_0.7", new Ghosting(3, 1, 0.7, Double.NaN).apply(in), 1e-6);
		assertClose("ghost_x_4_1_restore0.3", new Ghosting(4, 0, 1, 0.3).apply(in), 1e-6);
		assertClose("ghost_z_2_0.5", new Ghosting(2, 2, 0.5, Double.NaN).apply(in), 1e-6);
	}

	@Test
	void spikeEqualsTorchIOsSpikedSpectrum() {
		final Volume<FloatType> positive = Fixtures.volume("spike_positive_input");
		assertClose("spike_positive_2", new Spike(new double[][] { { 0.2, 0.7, 0.9 }, { 0.55, 0.1, 0.4 } }, 1.7).apply(positive), 1e-6);
		assertClose("spike_dc", new Spike(new double[][] { { 0.5, 0.5, 0.5 }, { 0.05, 0.9, 0.3 } }, -0.6).apply(positive), 1e-6);
		assertClose("spike_signed_2", new Spike(new double[][] { { 0.3, 0.3, 0.8 }, { 0.3, 0.3, 0.8 } }, -0.8).apply(Fixtures.volume("spike_signed_input")), 1e-6);
	}
}
