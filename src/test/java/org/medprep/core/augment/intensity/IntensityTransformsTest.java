package org.medprep.core.augment.intensity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.augment.Chance;
import org.medprep.core.stats.IntensityStatistics;
import org.medprep.testutil.TestVolumes;

import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/** Known answers, statistics, determinism and bad input of the per-voxel intensity transforms. */
class IntensityTransformsTest {

	static Volume<FloatType> ramp(final long nx, final long ny, final long nz, final double lo, final double hi) {
		final int n = (int) (nx * ny * nz);
		final double[] v = new double[n];
		for (int i = 0; i < n; i++) v[i] = lo + (hi - lo) * i / (n - 1);
		return TestVolumes.floats(new long[] { nx, ny, nz }, v);
	}

	static double[] values(final Volume<? extends RealType<?>> v) {
		return TestVolumes.values(v.data());
	}

	/** Same bits on 1 and 3 threads, and the input untouched. */
	static void assertDeterministic(final Volume<? extends RealType<?>> in, final IntensityDraw draw) {
		final double[] before = values(in);
		final double[] one = Parallelization.runWithNumThreads(1, () -> values(draw.apply(in)));
		final double[] three = Parallelization.runWithNumThreads(3, () -> values(draw.apply(in)));
		assertArrayEquals(one, three, 0, draw + " depends on the thread count");
		assertArrayEquals(before, values(in), 0, draw + " changed its input");
	}

	@Test
	void rangeGammaOnAUnitRampIsThePower() {
		final Volume<FloatType> ramp = ramp(5, 4, 3, 0, 1);
		final double[] in = values(ramp), out = values(new Gamma(2, Gamma.Formula.RANGE, false, false).apply(ramp));
		for (int i = 0; i < in.length; i++) assertEquals(in[i] * in[i], out[i], 1e-6);
		// inverted: 1 - (1 - x)^2, the curve bends the bright end
		final double[] inv = values(new Gamma(2, Gamma.Formula.RANGE, true, false).apply(ramp));
		for (int i = 0; i < in.length; i++) assertEquals(1 - (1 - in[i]) * (1 - in[i]), inv[i], 1e-6);
	}

	@Test
	void rangeGammaMapsTheRangeOntoItself() {
		final Volume<FloatType> ramp = ramp(6, 5, 4, -300, 900);
		final double[] out = values(new Gamma(0.7, Gamma.Formula.RANGE, false, false).apply(ramp));
		assertEquals(-300, out[0], 1e-3);
		assertEquals(900, out[out.length - 1], 1e-3);
		// x = -300 + 1200 t  ->  -300 + 1200 t^0.7
		assertEquals(-300 + 1200 * Math.pow(0.5, 0.7), values(new Gamma(0.7, Gamma.Formula.RANGE, false, false).apply(ramp(3, 1, 1, -300, 900)))[1], 1e-3);
	}

	@Test
	void powerGammaKeepsTheSign() {
		final Volume<FloatType> v = TestVolumes.floats(new long[] { 4, 1, 1 }, new double[] { -8, -1, 0, 27 });
		assertArrayEquals(new double[] { -2, -1, 0, 3 }, values(new Gamma(1 / 3.0, Gamma.Formula.POWER, false, false).apply(v)), 1e-5);
	}

	@Test
	void retainStatsRestoresMeanAndStd() {
		final Volume<FloatType> ramp = ramp(8, 7, 6, 10, 500);
		final IntensityStatistics before = IntensityStatistics.of(ramp.data(), VoxelSelection.all());
		for (final boolean invert : new boolean[] { false, true }) {
			final Volume<FloatType> out = new Gamma(1.45, Gamma.Formula.RANGE, invert, true).apply(ramp);
			final IntensityStatistics after = IntensityStatistics.of(out.data(), VoxelSelection.all());
			assertEquals(before.mean(), after.mean(), 1e-3);
			assertEquals(before.std(), after.std(), 1e-3);
			assertTrue(Math.abs(values(out)[1] - values(ramp)[1]) > 1, "the power changed nothing");
			assertDeterministic(ramp, new Gamma(1.45, Gamma.Formula.RANGE, invert, true));
		}
	}

	@Test
	void brightnessAndContrastKnownAnswers() {
		final Volume<FloatType> v = TestVolumes.floats(new long[] { 4, 1, 1 }, new double[] { 0, 1, 2, 5 });
		assertArrayEquals(new double[] { 0, 1.25, 2.5, 6.25 }, values(new Brightness(1.25).apply(v)), 1e-6);
		// mean 2: (x - 2) * 2 + 2, clamped to [0, 5] when the range is kept
		assertArrayEquals(new double[] { -2, 0, 2, 8 }, values(new Contrast(2, false).apply(v)), 1e-6);
		assertArrayEquals(new double[] { 0, 0, 2, 5 }, values(new Contrast(2, true).apply(v)), 1e-6);
		assertDeterministic(ramp(9, 8, 7, -1, 1), new Contrast(1.3, true));
	}

	@Test
	void factorSamplingsStayInTheirRangesWithTheirShapes() {
		final SplittableRandom r = new SplittableRandom(3);
		int below = 0;
		final int n = 20000;
		double logSum = 0;
		for (int i = 0; i < n; i++) {
			final double h = FactorSampling.HALVES_AROUND_ONE.draw(r, 0.7, 1.5);
			assertTrue(h >= 0.7 && h <= 1.5, "" + h);
			if (h < 1) below++;
			final double l = FactorSampling.LOG_UNIFORM.draw(r, 0.5, 2);
			assertTrue(l >= 0.5 && l <= 2, "" + l);
			logSum += Math.log(l);
		}
		// nnU-Net: as often below 1 as above, though [0.7, 1] is shorter than [1, 1.5]
		assertEquals(0.5, below / (double) n, 0.02);
		assertEquals(0, logSum / n, 0.02, "log-uniform on [1/2, 2] is centred on 1 in log");
		// a range above 1 never splits
		for (int i = 0; i < 100; i++) assertTrue(FactorSampling.HALVES_AROUND_ONE.draw(r, 1.2, 1.4) >= 1.2);
	}

	@Test
	void gaussianNoiseHasItsSigmaAndSameBitsOnAnyThreadCount() {
		final Volume<FloatType> flat = TestVolumes.floats(new long[] { 64, 48, 20 }, new double[64 * 48 * 20]);
		final Noise noise = new Noise(Noise.Distribution.GAUSSIAN, 0.5, 2, 77);
		final IntensityStatistics s = IntensityStatistics.of(noise.apply(flat).data(), VoxelSelection.all());
		assertEquals(0.5, s.mean(), 0.02);
		assertEquals(2, s.std(), 0.02);
		assertDeterministic(flat, noise);
		assertFalse(java.util.Arrays.equals(values(noise.apply(flat)), values(new Noise(Noise.Distribution.GAUSSIAN, 0.5, 2, 78).apply(flat))));
	}

	@Test
	void gaussianDeviatesHaveTheNormalsMomentsAndTails() {
		final PlaneStreams.Gaussian g = new PlaneStreams.Gaussian(PlaneStreams.of(1, 0));
		final int n = 2_000_000;
		double s1 = 0, s2 = 0, s4 = 0;
		int beyond1 = 0, beyond3 = 0, beyond4 = 0;
		for (int i = 0; i < n; i++) {
			final double x = g.next();
			s1 += x;
			s2 += x * x;
			s4 += x * x * x * x;
			if (Math.abs(x) > 1) beyond1++;
			if (Math.abs(x) > 3) beyond3++;
			if (Math.abs(x) > 4) beyond4++;
		}
		assertEquals(0, s1 / n, 0.003);
		assertEquals(1, s2 / n, 0.004);
		assertEquals(3, s4 / n, 0.03, "kurtosis");
		assertEquals(0.31731, beyond1 / (double) n, 0.0015); // P(|x| > 1)
		assertEquals(0.0026998, beyond3 / (double) n, 0.0002); // P(|x| > 3): the ziggurat's wedges
		assertEquals(6.334e-5, beyond4 / (double) n, 2.5e-5); // P(|x| > 4): its tail beyond 3.44
	}

	@Test
	void ricianNoiseHasTheRiceDistributionsMoments() {
		for (final String line : Fixtures.text("rician.txt").split("\n")) {
			if (line.startsWith("#") || line.isBlank()) continue;
			final String[] f = line.trim().split("\\s+");
			final double a = Double.parseDouble(f[0]), sigma = Double.parseDouble(f[1]), mean = Double.parseDouble(f[2]), std = Double.parseDouble(f[3]);
			final int n = 96 * 96 * 24;
			final double[] v = new double[n];
			java.util.Arrays.fill(v, a);
			final Volume<FloatType> flat = TestVolumes.floats(new long[] { 96, 96, 24 }, v);
			final IntensityStatistics s = IntensityStatistics.of(new Noise(Noise.Distribution.RICIAN, 0, sigma, 5).apply(flat).data(), VoxelSelection.all());
			// standard errors on 221184 samples: mean ~ std/470, std ~ std/665; allow 5 of them
			assertEquals(mean, s.mean(), 5 * std / Math.sqrt(n), line);
			assertEquals(std, s.std(), 5 * std / Math.sqrt(2.0 * n) * 1.5, line);
			assertTrue(s.min() >= 0, "a magnitude is never negative");
		}
	}

	@Test
	void relativeNoiseIsMeasuredInTheImagesStd() {
		final Volume<FloatType> ramp = ramp(10, 10, 10, 0, 1000);
		final double std = IntensityStatistics.of(ramp.data(), VoxelSelection.all()).std();
		final Noise n = new RandomNoise(Noise.Distribution.GAUSSIAN, 0, 0.1, 0.1, RandomNoise.RelativeTo.IMAGE_STD).draw(ramp, new SplittableRandom(1));
		assertEquals(0.1 * std, n.sigma(), 1e-9);
		// foreground: voxels > 0 of a ramp from -1000 to 1000 are the upper half
		final Volume<FloatType> signed = ramp(10, 10, 10, -1000, 1000);
		final double fg = new RandomNoise(Noise.Distribution.GAUSSIAN, 0, 1, 1, RandomNoise.RelativeTo.FOREGROUND_STD).draw(signed, new SplittableRandom(1)).sigma();
		assertEquals(1000 / Math.sqrt(12), fg, 3);
	}

	@Test
	void chanceDrawsNothingAtOneAndDecidesReproducibly() {
		final SplittableRandom a = new SplittableRandom(9), b = new SplittableRandom(9);
		assertTrue(Chance.draw(1, a).applied());
		assertEquals(b.nextLong(), a.nextLong(), "p = 1 must not consume a number (old seeds replay unchanged)");
		assertFalse(Chance.draw(0, new SplittableRandom(1)).applied());
		int applied = 0;
		for (long s = 0; s < 4000; s++) if (Chance.draw(0.3, new SplittableRandom(s)).applied()) applied++;
		assertEquals(0.3, applied / 4000.0, 0.03);
		final Chance c = Chance.draw(0.3, new SplittableRandom(12));
		assertEquals(c.toString(), Chance.draw(0.3, new SplittableRandom(12)).toString());
		assertTrue(c.toString().startsWith("p=0.3 drew "), c.toString());
	}

	@Test
	void badParametersAreRefusedNamingThem() {
		assertMessage(() -> new RandomGamma(0, 1, FactorSampling.UNIFORM, Gamma.Formula.RANGE, false, false), "gamma");
		assertMessage(() -> new RandomGamma(1.5, 0.7, FactorSampling.HALVES_AROUND_ONE, Gamma.Formula.RANGE, false, false), "min <= max");
		assertMessage(() -> new RandomNoise(Noise.Distribution.GAUSSIAN, 0, 0.2, 0.1, RandomNoise.RelativeTo.NONE), "sigma_min <= sigma_max");
		assertMessage(() -> new RandomNoise(Noise.Distribution.GAUSSIAN, 0, -1, 0.1, RandomNoise.RelativeTo.NONE), "sigma");
		assertMessage(() -> new RandomBrightness(Double.NaN, 1, FactorSampling.UNIFORM), "brightness");
		assertMessage(() -> Chance.draw(1.5, new SplittableRandom(1)), "p must be a probability");
		assertMessage(() -> FactorSampling.fromLabel("gaussian"), "halves around 1");
	}

	static void assertMessage(final Supplier<?> bad, final String expected) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, bad::get);
		assertTrue(e.getMessage().contains(expected), e.getMessage());
	}
}
