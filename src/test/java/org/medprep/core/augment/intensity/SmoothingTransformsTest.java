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
import org.medprep.testutil.TestVolumes;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.real.FloatType;

/** Known answers of blur, bias field and low resolution, their draws and their bad input. */
class SmoothingTransformsTest {

	private static Volume<FloatType> filled(final int nx, final int ny, final int nz, final java.util.function.IntUnaryOperator xValue) {
		final double[] v = new double[nx * ny * nz];
		for (int i = 0; i < v.length; i++) v[i] = xValue.applyAsInt(i % nx);
		return TestVolumes.floats(new long[] { nx, ny, nz }, v);
	}

	@Test
	void blurOfADeltaIsTheKernelAndKeepsConstants() {
		final double[] v = new double[9 * 9 * 9];
		v[4 + 9 * (4 + 9 * 4)] = 1;
		final Volume<FloatType> delta = TestVolumes.floats(new long[] { 9, 9, 9 }, v);
		final double[] out = values(new GaussianBlur(new double[] { 1, 0, 0 }, GaussianBlur.Kernel.SCIPY).apply(delta));
		double sum = 0;
		for (final double o : out) sum += o;
		assertEquals(1, sum, 1e-6);
		final double g1 = Math.exp(-0.5), norm = 1 + 2 * (g1 + Math.exp(-2) + Math.exp(-4.5) + Math.exp(-8));
		assertEquals(g1 / norm, out[5 + 9 * (4 + 9 * 4)], 1e-7, "one voxel along x: the sampled Gaussian at 1 sigma");
		assertEquals(0, out[4 + 9 * (5 + 9 * 4)], 0, "sigma 0 along y leaves y alone");
		final Volume<FloatType> flat = filled(7, 6, 5, x -> 42);
		for (final GaussianBlur.Kernel k : GaussianBlur.Kernel.values())
			for (final double o : values(new GaussianBlur(new double[] { 2, 1.5, 3 }, k).apply(flat))) assertEquals(42, o, 1e-4);
		assertDeterministic(IntensityTransformsTest.ramp(11, 9, 13, 0, 5), new GaussianBlur(new double[] { 0.7, 1.2, 2.5 }, GaussianBlur.Kernel.NNUNET));
	}

	@Test
	void nnUNetsKernelSizeRoundsHalfToEvenThenToTheOddSide() {
		assertEquals(3, GaussianBlur.nearestOdd(3.5)); // sigma 0.5: round(3.5) = 4, below the value: 3
		assertEquals(7, GaussianBlur.nearestOdd(6.5)); // sigma 1: round(6.5) = 6, above: 7
		assertEquals(5, GaussianBlur.nearestOdd(5.2));
		assertEquals(3, GaussianBlur.Kernel.NNUNET.weights(0.5).length);
		assertEquals(9, GaussianBlur.Kernel.SCIPY.weights(1).length); // int(4 + 0.5) = 4 either side
		// boundaries: scipy reflect repeats the edge, torch reflect does not
		assertEquals(0, GaussianBlur.Kernel.SCIPY.reflect(-1, 5));
		assertEquals(1, GaussianBlur.Kernel.NNUNET.reflect(-1, 5));
		assertEquals(3, GaussianBlur.Kernel.NNUNET.reflect(5, 5));
	}

	@Test
	void blurSigmaInMillimetresIsDividedByTheSpacing() {
		final Volume<FloatType> v = Volume.of(ArrayImgs.floats(8, 8, 8), Geometry.of(new double[] { 0.5, 1, 2 }, new double[3]));
		final GaussianBlur b = new RandomBlur(1, 1, true, true, GaussianBlur.Kernel.SCIPY).draw(v, new SplittableRandom(1));
		assertArrayEquals(new double[] { 2, 1, 0.5 }, b.sigma(), 1e-12);
		final double[] s = new RandomBlur(0.5, 1, false, false, GaussianBlur.Kernel.NNUNET).draw(v, new SplittableRandom(2)).sigma();
		assertTrue(s[0] != s[1] && s[1] != s[2], "per axis: three draws");
		for (final double x : s) assertTrue(x >= 0.5 && x <= 1);
	}

	@Test
	void biasFieldKnownAnswers() {
		assertEquals(20, BiasField.coefficientCount(3));
		final Volume<FloatType> ones = filled(5, 4, 3, x -> 1);
		for (final double o : values(new BiasField(0, new double[] { 0.3 }).apply(ones))) assertEquals(Math.exp(0.3), o, 1e-6);
		// order 1, coefficients in TorchIO's order (1, z, y, x): only x, from -1 to 1 over the 5 voxels
		final double[] out = values(new BiasField(1, new double[] { 0, 0, 0, 0.5 }).apply(ones));
		assertEquals(Math.exp(-0.5), out[0], 1e-6);
		assertEquals(1, out[2], 1e-6);
		assertEquals(Math.exp(0.5), out[4], 1e-6);
		final BiasField drawn = new RandomBiasField(3, -0.5, 0.5).draw(ones, new SplittableRandom(4));
		for (final double c : drawn.coefficients()) assertTrue(c >= -0.5 && c <= 0.5);
		assertDeterministic(IntensityTransformsTest.ramp(10, 9, 8, 1, 2), drawn);
	}

	@Test
	void lowResolutionKnownAnswers() {
		assertArrayEquals(new int[] { 1, 3, 5, 7 }, SimulatedLowResolution.nearestExact(8, 4));
		assertEquals(12, SimulatedLowResolution.shrunk(25, 0.5)); // round(12.5) = 12, half to even
		final Volume<FloatType> ramp = IntensityTransformsTest.ramp(12, 10, 8, 0, 100);
		assertArrayEquals(values(ramp), values(new SimulatedLowResolution(new double[] { 1, 1, 1 }).apply(ramp)), 0, "scale 1 keeps the image");
		for (final double o : values(new SimulatedLowResolution(new double[] { 0.5, 0.6, 0.7 }).apply(filled(12, 10, 8, x -> 7)))) assertEquals(7, o, 1e-5);
		// along x only: an image varying along x loses detail, one constant along x does not change
		final Volume<FloatType> stripes = filled(16, 4, 4, x -> x % 2 == 0 ? 0 : 10);
		final double[] s = values(new SimulatedLowResolution(new double[] { 0.5, 1, 1 }).apply(stripes));
		for (final double o : s) assertEquals(10, o, 1e-5); // nearest-exact picks the odd columns
		assertDeterministic(ramp, new SimulatedLowResolution(new double[] { 0.55, 0.8, 0.5 }));
	}

	@Test
	void anisotropyResamplesOneAxisAndBack() {
		final Volume<FloatType> v = Volume.of(TestVolumes.floats(new long[] { 10, 8, 12 }, new double[10 * 8 * 12]).data(),
			Geometry.of(new double[] { 1, 1, 1.5 }, new double[] { 3, -2, 7 }));
		// varies along x only: downsampling z changes nothing
		final double[] xs = new double[10 * 8 * 12];
		for (int i = 0; i < xs.length; i++) xs[i] = (i % 10) * 3;
		final Volume<FloatType> ramp = Volume.of(TestVolumes.floats(new long[] { 10, 8, 12 }, xs).data(), v.geometry());
		final double[] out = values(new Anisotropy(2, 3).apply(ramp));
		assertArrayEquals(xs, out, 1e-4);
		final double[] blurred = values(new Anisotropy(0, 2.5).apply(ramp));
		assertTrue(!java.util.Arrays.equals(xs, blurred), "downsampling x changes an x ramp");
		final IntensityDraw d = new RandomLowResolution(RandomLowResolution.Mode.ANISOTROPY, 1.5, 5, false, new boolean[] { false, false, true })
			.draw(ramp, new SplittableRandom(3));
		assertTrue(d.toString().startsWith("axis=z downsampling="), d.toString());
	}

	@Test
	void badParametersAreRefusedNamingThem() {
		assertMessage(() -> new RandomBlur(1, 0.5, false, false, GaussianBlur.Kernel.SCIPY), "sigma_min <= sigma_max");
		assertMessage(() -> new GaussianBlur(new double[] { -1, 0, 0 }, GaussianBlur.Kernel.SCIPY), "sigma along x");
		assertMessage(() -> new RandomBiasField(-1, 0, 1), "order");
		assertMessage(() -> new BiasField(2, new double[3]), "needs 10 coefficients");
		assertMessage(() -> new RandomLowResolution(RandomLowResolution.Mode.NNUNET, 0.5, 1.5, true, new boolean[] { true, true, true }), "(0, 1]");
		assertMessage(() -> new RandomLowResolution(RandomLowResolution.Mode.ANISOTROPY, 0.5, 2, true, new boolean[] { true, true, true }), ">= 1");
		assertMessage(() -> new RandomLowResolution(RandomLowResolution.Mode.NNUNET, 0.5, 1, true, new boolean[3]), "at least one axis");
	}
}
