package org.medprep.core.spatial;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.core.intensity.HuWindow;
import org.medprep.core.intensity.PaddingReplacement;
import org.medprep.core.intensity.WindowOutput;
import org.medprep.core.phantom.CtPhantom;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;

/**
 * The Gaussian kernel leaves out taps below {@link GaussianSmoothing#NEGLIGIBLE_TAP}
 * of its centre, and an axis whose kernel is then the centre alone is not
 * smoothed. Checked against the kernel truncated at 4 sigma only (as before) on
 * the batch benchmark's case: the CT phantom after Replace Padding, resampled
 * from 1.2 x 1.2 x 2.5 to 1.5 mm (sigma 0.125 voxels along x and y).
 */
class NegligibleAntiAliasingTest {

	@Test
	void onlyVerySmallSigmasLeaveTheVolumeAlone() {
		assertTrue(GaussianSmoothing.leavesAlone(0));
		assertTrue(GaussianSmoothing.leavesAlone(0.125));
		// the neighbour tap exp(-1 / (2 sigma^2)) reaches 2^-24 of the centre at sigma 0.17337
		assertTrue(GaussianSmoothing.leavesAlone(0.1733));
		assertFalse(GaussianSmoothing.leavesAlone(0.1734));
		assertEquals(1, GaussianSmoothing.firRadius(0.26)); // 4 sigma gives 2, the second tap is 1.4e-13
		assertEquals(2, GaussianSmoothing.firRadius(0.5));
		assertEquals(4, GaussianSmoothing.firRadius(1));
		assertEquals(20, GaussianSmoothing.firRadius(4.9));
	}

	@Test
	void theBenchmarkCaseChangesByAtMostTwoPicoHuAndTheResultNotAtAll() {
		final Volume<? extends RealType<?>> padded = new PaddingReplacement(-2000, -1000).apply(CtPhantom.standard().image());
		final ResampleToSpacing op = new ResampleToSpacing(new double[] { 1.5, 1.5, 1.5 }, true);
		assertArrayEquals(new double[] { 0.125, 0.125, 0 }, op.antiAliasSigma(Grid.of(padded)), 1e-15);
		assertSame(padded, op.smooth(padded));

		final int[] n = FloatVolumes.size(padded.data());
		final float[] in = FloatVolumes.read(padded.data());
		final float[] smoothed = in.clone();
		untruncated(smoothed, n, 0, 0.125);
		untruncated(smoothed, n, 1, 0.125);
		int changed = 0;
		double largest = 0;
		for (int i = 0; i < in.length; i++) {
			if (Float.floatToRawIntBits(in[i]) == Float.floatToRawIntBits(smoothed[i])) continue;
			changed++;
			largest = Math.max(largest, Math.abs((double) smoothed[i] - in[i]));
			// only 0 HU beside other tissue moves: every other value is a float the tiny taps cannot change
			assertEquals(0, in[i], 0, "voxel " + i);
		}
		assertEquals(21, changed);
		assertEquals(2.38e-12, largest, 0.01e-12);

		// after the resampling and the window, not a bit differs
		final Sampling linear = Sampling.of(Interpolation.LINEAR, BoundaryMode.NEAREST, 0);
		final HuWindow window = new HuWindow(40, 400);
		final SpatialPlan plan = op.plan(Grid.of(padded));
		final float[] ours = FloatVolumes.read(window.apply(plan.apply(op.smooth(padded), linear), WindowOutput.FLOAT_UNIT).data());
		final Volume<? extends RealType<?>> before = Volume.of(ArrayImgs.floats(smoothed, n[0], n[1], n[2]), padded.geometry(), padded.metadata());
		final float[] theirs = FloatVolumes.read(window.apply(plan.apply(before, linear), WindowOutput.FLOAT_UNIT).data());
		assertEquals(205 * 205 * 160, ours.length);
		assertArrayEquals(theirs, ours);
	}

	/** The kernel as it was: sampled, truncated at 4 sigma (at least one tap aside), normalised; edge values repeat; double within a line. */
	private static void untruncated(final float[] data, final int[] n, final int axis, final double sigma) {
		final int radius = Math.max(1, (int) Math.ceil(4 * sigma));
		final double[] kernel = new double[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) sum += kernel[i + radius] = Math.exp(-0.5 * i * i / (sigma * sigma));
		for (int i = 0; i < kernel.length; i++) kernel[i] /= sum;
		final int stride = axis == 0 ? 1 : n[0], len = n[axis];
		final double[] line = new double[len];
		for (int z = 0; z < n[2]; z++)
			for (int a = 0; a < (axis == 0 ? n[1] : n[0]); a++) {
				final int start = axis == 0 ? (z * n[1] + a) * n[0] : z * n[1] * n[0] + a;
				for (int i = 0; i < len; i++) line[i] = data[start + i * stride];
				for (int i = 0; i < len; i++) {
					double s = 0;
					for (int j = 0; j < kernel.length; j++) s += kernel[j] * line[Math.min(len - 1, Math.max(0, i + j - radius))];
					data[start + i * stride] = (float) s;
				}
			}
	}
}
