package org.medprep.core.augment.intensity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medprep.core.augment.intensity.IntensityTransformsTest.assertDeterministic;
import static org.medprep.core.augment.intensity.IntensityTransformsTest.assertMessage;
import static org.medprep.core.augment.intensity.IntensityTransformsTest.values;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.medprep.core.Geometry;
import org.medprep.core.Volume;
import org.medprep.core.fft.KSpaceLineFilter;
import org.medprep.core.fft.KSpaceProbe;
import org.medprep.core.phantom.BrainPhantom;

import net.imglib2.type.numeric.real.FloatType;

/** Known answers of the k-space artefacts (motion, ghosting, spike), their draws and bad input. */
class KSpaceTransformsTest {

	private static final Volume<? extends net.imglib2.type.numeric.RealType<?>> BRAIN = BrainPhantom.standard().withSize(24, 22, 16).image();

	@Test
	void motionWithoutMovementGivesTheImageBack() {
		final Motion still = new Motion(new double[][] { { 0, 0, 0 }, { 0, 0, 0 } }, new double[][] { { 0, 0, 0 }, { 0, 0, 0 } }, new double[] { 0.3, 0.6 });
		assertArrayEquals(values(BRAIN), values(still.apply(BRAIN)), 1e-3);
		final Motion moved = new RandomMotion(-10, 10, -10, 10, 2).draw(BRAIN, new SplittableRandom(3));
		assertTrue(!java.util.Arrays.equals(values(BRAIN), values(moved.apply(BRAIN))));
		assertDeterministic(BRAIN, moved);
	}

	@Test
	void motionTimesAreSpreadAsTorchIOSpreadsThem() {
		for (long s = 0; s < 50; s++) {
			final String d = new RandomMotion(-10, 10, -5, 5, 3).draw(BRAIN, new SplittableRandom(s)).toString();
			final java.util.regex.Matcher m = java.util.regex.Pattern.compile("t=([0-9.]+)").matcher(d);
			for (int i = 1; i <= 3; i++) {
				assertTrue(m.find(), d);
				assertEquals(i * 0.25, Double.parseDouble(m.group(1)), 0.25 * 0.3 + 1e-6, d);
			}
		}
	}

	@Test
	void ghostingMaskAttenuatesEveryNthShiftedPlaneButTheCentre() {
		// n = 8: shifted planes 0, 3, 6 attenuated; the centre (4) untouched either way
		final double[] m = new Ghosting(3, 0, 0.6, Double.NaN).mask(8);
		// unshifted k = shifted - 4 (mod 8): shifted 0 -> k 4, shifted 3 -> k 7, shifted 6 -> k 2
		assertArrayEquals(new double[] { 1, 1, 0.4, 1, 0.4, 1, 1, 0.4 }, m, 1e-12);
		// restore 0.5 of 8 planes: shifted [2, 6) kept, so only 0 and 6 attenuated
		assertArrayEquals(new double[] { 1, 1, 0.4, 1, 0.4, 1, 1, 1 }, new Ghosting(3, 0, 0.6, 0.5).mask(8), 1e-12);
		assertArrayEquals(values(BRAIN), values(new Ghosting(5, 1, 0, Double.NaN).apply(BRAIN)), 0, "zero intensity: a copy");
		assertDeterministic(BRAIN, new Ghosting(4, 2, 0.8, Double.NaN));
		final Ghosting g = new RandomGhosting(4, 10, new boolean[] { false, true, false }, 0.5, 1, false, 0, 0).draw(BRAIN, new SplittableRandom(5));
		assertTrue(g.toString().contains("axis=y") && g.toString().contains("restore=central plane"), g.toString());
	}

	@Test
	void spikeProbesAgreeAndZeroIntensityIsACopy() {
		final int[] size = KSpaceLineFilter.size(BRAIN.data());
		final Volume<FloatType> f = new Brightness(1).apply(BRAIN);
		final float[][] planes = new float[size[2]][];
		for (int z = 0; z < size[2]; z++) planes[z] = ((net.imglib2.img.planar.PlanarImg<FloatType, net.imglib2.img.basictypeaccess.array.FloatArray>) f.data()).getPlane(z).getCurrentStorageArray();
		final int[][] freqs = { { 3, 20, 1 }, { 0, 0, 0 }, { 23, 5, 15 } };
		final KSpaceProbe.Result full = KSpaceProbe.full(planes, size, freqs), direct = KSpaceProbe.coefficients(planes, size, freqs);
		final double scale = Math.abs(full.valueRe[1]);
		assertArrayEquals(direct.valueRe, full.valueRe, 1e-6 * scale);
		assertArrayEquals(direct.valueIm, full.valueIm, 1e-6 * scale);
		double sum = 0;
		for (final double v : values(BRAIN)) sum += v;
		assertEquals(sum, full.valueRe[1], 1e-6 * sum, "the DC term is the sum");
		assertArrayEquals(values(BRAIN), values(new Spike(new double[][] { { 0.1, 0.2, 0.3 } }, 0).apply(BRAIN)), 0);
		final Spike s = new RandomSpike(1, 3, 1, 3).draw(BRAIN, new SplittableRandom(2));
		assertDeterministic(BRAIN, s);
		// negative values: the maximum comes from the plane-parallel 3D transform
		assertDeterministic(new Brightness(-1).apply(BRAIN), s);
	}

	@Test
	void aSpikeIsOnePlaneWave() {
		// one spike of intensity r at shifted (n/2 + 1, n/2, n/2) on a constant image c: c + r c cos(2 pi x / nx)
		final double c = 10;
		final double[] v = new double[8 * 6 * 4];
		java.util.Arrays.fill(v, c);
		final Volume<FloatType> flat = Volume.of(org.medprep.testutil.TestVolumes.floats(new long[] { 8, 6, 4 }, v).data(), Geometry.identity());
		final double[] out = values(new Spike(new double[][] { { 5 / 8.0, 3 / 6.0, 2 / 4.0 } }, 0.5).apply(flat));
		for (int i = 0; i < out.length; i++) assertEquals(c + 0.5 * c * Math.cos(2 * Math.PI * (i % 8) / 8), out[i], 1e-5);
	}

	@Test
	void badParametersAreRefusedNamingThem() {
		assertMessage(() -> new RandomMotion(10, -10, 0, 1, 2), "degrees_min <= degrees_max");
		assertMessage(() -> new RandomMotion(-1, 1, 0, 1, 0), "number of movements");
		assertMessage(() -> new Motion(new double[][] { { 0, 0, 0 } }, new double[][] {}, new double[] { 0.5 }), "as many");
		assertMessage(() -> new Motion(new double[][] { { 0, 0, 0 }, { 0, 0, 0 } }, new double[][] { { 0, 0, 0 }, { 0, 0, 0 } }, new double[] { 0.6, 0.3 }), "increasing");
		assertMessage(() -> new RandomGhosting(5, 4, new boolean[] { true, true, true }, 0.5, 1, false, 0, 0), "ghosts_min <= ghosts_max");
		assertMessage(() -> new RandomGhosting(4, 10, new boolean[] { true, true, true }, 0.5, 1, true, 0.5, 1.5), "restore_max <= 1");
		assertMessage(() -> new RandomSpike(2, 1, 1, 3), "spikes_min <= spikes_max");
		assertMessage(() -> new Spike(new double[][] { { 1, 0, 0 } }, 1), "[0, 1)");
	}
}
