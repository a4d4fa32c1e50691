package org.medprep.core.registration;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.bench.RegistrationCase;
import org.medprep.bench.RegistrationCases;
import org.medprep.core.Geometry;
import org.medprep.core.ProgressListener;
import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** Inputs a registration cannot work with get one clear message before any result exists. */
class RegistrationBadInputTest {

	private static final RegistrationCase CASE = RegistrationCases.affine(5);
	private static final Volume<FloatType> FIXED = CASE.fixed(), MOVING = CASE.moving();
	private static final RegistrationSettings QUICK = RegistrationSettings.defaults().withLevels(2).withIterations(8);

	private static String message(final Volume<? extends RealType<?>> fixed, final Volume<? extends RealType<?>> moving,
		final Volume<? extends RealType<?>> fixedMask, final Volume<? extends RealType<?>> movingMask, final RegistrationSettings s)
	{
		return assertThrows(IllegalArgumentException.class, () -> new Registration(s).register(fixed, moving, fixedMask, movingMask, ProgressListener.NONE))
			.getMessage();
	}

	private static Volume<FloatType> filled(final Grid g, final float value) {
		final float[] d = new float[(int) g.numVoxels()];
		java.util.Arrays.fill(d, value);
		return Volume.of(ArrayImgs.floats(d, g.size()), g.geometry());
	}

	private static void assertMentions(final String message, final String... parts) {
		for (final String p : parts) assertTrue(message.contains(p), "'" + message + "' should mention '" + p + "'");
	}

	@Test
	void constantImages() {
		assertMentions(message(filled(CASE.fixedGrid(), 7), MOVING, null, null, QUICK), "fixed image is constant", "7.0", "nothing to align");
		assertMentions(message(FIXED, filled(CASE.movingGrid(), 0), null, null, QUICK), "moving image is constant");
		// constant where the mask looks: a strip of 40 voxels set to 3 in an image that varies elsewhere
		final float[] image = org.medprep.core.spatial.FloatVolumes.read(FIXED.data()), strip = new float[image.length];
		for (int i = 0; i < 40; i++) {
			image[i] = 3;
			strip[i] = 1;
		}
		final long[] size = CASE.fixedGrid().size();
		assertMentions(message(Volume.of(ArrayImgs.floats(image, size), FIXED.geometry()), MOVING, Volume.of(ArrayImgs.floats(strip, size), FIXED.geometry()),
			null, QUICK.withLevels(1)), "fixed image is constant inside its mask", "3.0");
	}

	@Test
	void emptyAndTinyMasks() {
		assertMentions(message(FIXED, MOVING, filled(CASE.fixedGrid(), 0), null, QUICK), "fixed mask has no voxels", "too few samples inside the mask");
		final float[] d = new float[(int) CASE.fixedGrid().numVoxels()];
		d[1000] = d[1001] = d[1002] = 1;
		assertMentions(message(FIXED, MOVING, Volume.of(ArrayImgs.floats(d, CASE.fixedGrid().size()), FIXED.geometry()), null, QUICK.withLevels(1)),
			"fixed mask has only 3 voxels", "too few samples inside the mask");
		assertMentions(message(FIXED, MOVING, null, filled(CASE.movingGrid(), 0), QUICK), "moving mask has no voxels");
	}

	@Test
	void masksOfAnotherSize() {
		final Grid small = Grid.of(new long[] { 10, 10, 10 }, Geometry.identity());
		assertMentions(message(FIXED, MOVING, filled(small, 1), null, QUICK), "fixed mask is 10x10x10 but the fixed image is 32x32x26");
	}

	@Test
	void imagesThatDoNotOverlapAfterInitialization() {
		final Grid far = Grid.of(CASE.movingGrid().size(), CASE.movingGrid().geometry().withOrigin(new double[] { 1000, 0, 0 }));
		final Volume<FloatType> away = MOVING.withGeometry(far.geometry());
		assertMentions(message(FIXED, away, null, null, QUICK.withInitialization(Initialization.NONE)), "do not overlap after initialization (none)",
			"only 0 of 2048");
		// the centres of mass bring them together
		new Registration(QUICK).register(FIXED, away);
	}

	@Test
	void nonFiniteValues() {
		final float[] d = new float[(int) CASE.fixedGrid().numVoxels()];
		d[5] = Float.NaN;
		d[6] = 3;
		assertMentions(message(Volume.of(ArrayImgs.floats(d, CASE.fixedGrid().size()), FIXED.geometry()), MOVING, null, null, QUICK), "NaN");
	}

	@Test
	void settingsOutOfRange() {
		assertThrows(IllegalArgumentException.class, () -> RegistrationSettings.defaults().withBins(4));
		assertThrows(IllegalArgumentException.class, () -> RegistrationSettings.defaults().withLevels(0));
		assertThrows(IllegalArgumentException.class, () -> RegistrationSettings.defaults().withIterations(0));
		assertThrows(IllegalArgumentException.class, () -> RegistrationSettings.defaults().withSamples(10));
		assertThrows(IllegalArgumentException.class, () -> MetricType.fromLabel("cross correlation"));
		assertThrows(IllegalArgumentException.class, () -> Initialization.fromLabel("moments"));
		assertThrows(IllegalArgumentException.class, () -> SamplingStrategy.fromLabel("sparse"));
	}
}
