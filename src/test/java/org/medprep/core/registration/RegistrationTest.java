package org.medprep.core.registration;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.medprep.bench.RegistrationCase;
import org.medprep.bench.RegistrationCases;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.phantom.MultimodalHeadPhantom;
import org.medprep.core.spatial.PhysicalAffine;

import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Registration of a T1 head to a T2 head moved by a known transform (oblique,
 * anisotropic grids, bias fields, noise): the target registration error over
 * the head, and reproducibility. Volumes are small (3 mm voxels) so each
 * registration takes about a second.
 */
class RegistrationTest {

	private static final double SCALE = 2.5;

	@Test
	void rigidRecoversTenDegreesAndTwentyMillimetres() {
		final RegistrationCase c = RegistrationCases.rigid(SCALE);
		final RegistrationResult r = new Registration(RegistrationSettings.defaults().withTransform(TransformType.RIGID).withSeed(11))
			.register(c.fixed(), c.moving());
		assertTrue(c.meanTargetRegistrationError(r.initial().affine()) > 5, "the problem starts far from the answer");
		final double tre = c.meanTargetRegistrationError(r.pullBack());
		assertTrue(tre < 1.0, "mean TRE " + tre + " mm");
		final double[][] a = r.transform().linear();
		final double angle = Math.toDegrees(Math.acos((a[0][0] + a[1][1] + a[2][2] - 1) / 2));
		assertEquals(10, angle, 0.5);
		final double[] origin = r.pullBack().apply(new double[3]), truth = c.truth().apply(new double[3]);
		assertEquals(20, Math.sqrt(truth[0] * truth[0] + truth[1] * truth[1] + truth[2] * truth[2]), 1e-9);
		assertArrayEquals(truth, origin, 1.0);
	}

	@Test
	void affineRecoversAnisotropicScalingAndShear() {
		final RegistrationCase c = RegistrationCases.affine(SCALE);
		final RegistrationResult r = new Registration(RegistrationSettings.defaults().withSeed(3)).register(c.fixed(), c.moving());
		final double tre = c.meanTargetRegistrationError(r.pullBack());
		assertTrue(tre < 1.0, "mean TRE " + tre + " mm");
		assertEquals(4, r.levels().size());
		assertEquals(256, r.levels().get(3).iterations());
	}

	@Test
	void affineOntoThickObliqueSlices() {
		final RegistrationCase c = RegistrationCases.thickSlices(SCALE);
		final RegistrationResult r = new Registration(RegistrationSettings.defaults().withSeed(4)).register(c.fixed(), c.moving());
		final double tre = c.meanTargetRegistrationError(r.pullBack());
		assertTrue(tre < 1.5, "mean TRE " + tre + " mm");
		// the plan resamples the moving image onto the fixed grid
		assertTrue(r.plan().source().sameSpace(c.movingGrid(), 1e-9) && r.plan().target().sameSpace(c.fixedGrid(), 1e-9));
	}

	@Test
	void sameSeedSameBitsWhateverTheThreadCount() {
		final RegistrationCase c = RegistrationCases.affine(4);
		final Volume<FloatType> f = c.fixed(), m = c.moving();
		final RegistrationSettings s = RegistrationSettings.defaults().withIterations(48).withSeed(77);
		final List<double[]> results = new ArrayList<>();
		for (final int threads : new int[] { 1, 2, 3 })
			results.add(Parallelization.runWithNumThreads(threads, () -> new Registration(s).register(f, m).transform().parameters()));
		for (final double[] p : results) assertTrue(Arrays.equals(results.get(0), p), Arrays.toString(p) + " vs " + Arrays.toString(results.get(0)));
		final double[] other = new Registration(s.withSeed(78)).register(f, m).transform().parameters();
		assertFalse(Arrays.equals(results.get(0), other), "another seed draws other points");
	}

	@Test
	void regularAndFullSamplingAlignToo() {
		final RegistrationCase c = RegistrationCases.affine(4);
		final Volume<FloatType> f = c.fixed(), m = c.moving();
		for (final SamplingStrategy strategy : new SamplingStrategy[] { SamplingStrategy.REGULAR, SamplingStrategy.FULL }) {
			final RegistrationSettings s = RegistrationSettings.defaults().withSampling(strategy).withLevels(3).withIterations(100).withSeed(1);
			final RegistrationResult r = new Registration(s).register(f, m);
			final double tre = c.meanTargetRegistrationError(r.pullBack());
			// 4.8 mm voxels; a regular grid of about 2048 points sees the images less well than new random points every iteration
			assertTrue(tre < 3, strategy.label() + ": mean TRE " + tre);
		}
	}

	@Test
	void sameContrastMetricsAlignAShiftedImage() {
		final RegistrationCase c = RegistrationCases.rigid(SCALE);
		final PhysicalAffine truth = PhysicalAffine.translation(new double[] { 6, -9, 4 });
		final Volume<FloatType> fixed = c.fixed();
		final Volume<FloatType> moving = MultimodalHeadPhantom.standard().withSeed(9).image(c.fixedGrid(), MultimodalHeadPhantom.Contrast.T1, truth.inverse());
		for (final MetricType metric : new MetricType[] { MetricType.MEAN_SQUARES, MetricType.NORMALIZED_CORRELATION }) {
			final RegistrationResult r = new Registration(RegistrationSettings.defaults().withTransform(TransformType.TRANSLATION).withMetric(metric)
				.withInitialization(Initialization.NONE).withLevels(3).withIterations(100).withSeed(2)).register(fixed, moving);
			assertArrayEquals(new double[] { 6, -9, 4 }, r.transform().translation(), 0.3, metric.label());
		}
	}

	@Test
	void aFixedMaskAroundTheHeadKeepsTheAccuracy() {
		final RegistrationCase c = RegistrationCases.affine(SCALE);
		// the head with a margin of about 15 mm, in each image's own space
		final Volume<? extends RealType<?>> fixedMask = Masks.ellipsoid(c.fixedGrid(), PhysicalAffine.identity(), 85, 100, 88);
		final RegistrationResult r = new Registration(RegistrationSettings.defaults().withSeed(5)).register(c.fixed(), c.moving(), fixedMask, null,
			ProgressListener.NONE);
		final double tre = c.meanTargetRegistrationError(r.pullBack());
		assertTrue(tre < 1.0, "mean TRE " + tre);
	}

	@Test
	void similarityRegistersTheRigidCase() {
		final RegistrationCase c = RegistrationCases.rigid(SCALE);
		final RegistrationResult r = new Registration(RegistrationSettings.defaults().withTransform(TransformType.SIMILARITY).withSeed(6))
			.register(c.fixed(), c.moving());
		final double tre = c.meanTargetRegistrationError(r.pullBack());
		assertTrue(tre < 1.0, "mean TRE " + tre);
		assertEquals(1, r.transform().parameters()[3], 0.01);
	}

	@Test
	void progressIsReportedAndAnInterruptCancels() {
		final RegistrationCase c = RegistrationCases.affine(5);
		final Volume<FloatType> f = c.fixed(), m = c.moving();
		final RegistrationSettings s = RegistrationSettings.defaults().withLevels(2).withIterations(16);
		final List<long[]> calls = new ArrayList<>();
		new Registration(s).register(f, m, null, null, (done, total, message) -> calls.add(new long[] { done, total }));
		assertArrayEquals(new long[] { 32, 32 }, calls.get(calls.size() - 1));
		assertEquals(4, calls.size());
		try {
			assertThrows(CancellationException.class,
				() -> new Registration(s).register(f, m, null, null, (done, total, message) -> Thread.currentThread().interrupt()));
		}
		finally {
			Thread.interrupted();
		}
	}
}
