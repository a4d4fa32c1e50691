package org.medprep.core.augment.intensity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.medprep.core.augment.intensity.IntensityTransformsTest.assertDeterministic;
import static org.medprep.core.augment.intensity.IntensityTransformsTest.assertMessage;
import static org.medprep.core.augment.intensity.IntensityTransformsTest.values;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.real.FloatType;

/** Known answers of patch swap and coarse dropout, their draws and bad input. */
class PatchTransformsTest {

	private static final Volume<FloatType> RAMP = IntensityTransformsTest.ramp(10, 8, 6, 0, 479);

	@Test
	void swapExchangesTwoPatches() {
		final double[] in = values(RAMP);
		final double[] out = values(new Swap(new int[] { 2, 1, 1 }, new int[][] { { 0, 0, 0 } }, new int[][] { { 5, 3, 2 } }).apply(RAMP));
		final int a = 0, b = 5 + 10 * (3 + 8 * 2);
		assertEquals(in[b], out[a], 0);
		assertEquals(in[b + 1], out[a + 1], 0);
		assertEquals(in[a], out[b], 0);
		assertEquals(in[a + 1], out[b + 1], 0);
		assertEquals(in[2], out[2], 0);
	}

	@Test
	void randomSwapPermutesTheVoxels() {
		// single voxels never overlap (a pair is never the same voxel), so the swaps permute the values
		final Swap s = new RandomSwap(new int[] { 1, 1, 1 }, 40).draw(RAMP, new SplittableRandom(8));
		final double[] in = values(RAMP), out = values(s.apply(RAMP));
		assertTrue(!Arrays.equals(in, out));
		Arrays.sort(in);
		Arrays.sort(out);
		assertArrayEquals(in, out, 0, "swaps only move values");
		assertDeterministic(RAMP, new RandomSwap(new int[] { 3, 3, 2 }, 40).draw(RAMP, new SplittableRandom(8)));
	}

	@Test
	void dropoutFillsTheHolesOrEverythingElse() {
		final int[][] corner = { { 1, 2, 3 } }, size = { { 2, 2, 1 } };
		final double[] in = values(RAMP);
		final double[] dropped = values(new CoarseDropout(corner, size, true, false, -7, -7, 0).apply(RAMP));
		final double[] kept = values(new CoarseDropout(corner, size, false, false, -7, -7, 0).apply(RAMP));
		int holes = 0;
		for (int i = 0; i < in.length; i++) {
			final int x = i % 10, y = i / 10 % 8, z = i / 80;
			final boolean hole = x >= 1 && x < 3 && y >= 2 && y < 4 && z == 3;
			if (hole) holes++;
			assertEquals(hole ? -7 : in[i], dropped[i], 0);
			assertEquals(hole ? in[i] : -7, kept[i], 0);
		}
		assertEquals(4, holes);
		final CoarseDropout random = new CoarseDropout(corner, size, false, true, 5, 6, 11);
		for (final double v : values(random.apply(RAMP))) assertTrue(v >= 5 && v < 6 || Arrays.binarySearch(in, v) >= 0);
		assertDeterministic(RAMP, random);
	}

	@Test
	void randomDropoutDrawsFittingBoxesAndFallsBackToTheImageSize() {
		for (long s = 0; s < 30; s++) {
			final String d = new RandomCoarseDropout(1, 5, new int[] { 2, 0, 3 }, new int[] { 4, 0, 9 }, true, RandomCoarseDropout.Fill.VALUE, 0, 0, 0)
				.draw(RAMP, new SplittableRandom(s)).toString();
			final java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\((\\d+) (\\d+) (\\d+)\\)\\+\\((\\d+) (\\d+) (\\d+)\\)").matcher(d);
			int count = 0;
			while (m.find()) {
				count++;
				final int[] c = new int[3], z = new int[3];
				for (int i = 0; i < 3; i++) {
					c[i] = Integer.parseInt(m.group(1 + i));
					z[i] = Integer.parseInt(m.group(4 + i));
				}
				assertTrue(z[0] >= 2 && z[0] <= 4 && z[1] == 8 && z[2] >= 3 && z[2] <= 6, d); // y falls back to the image (8); z is cut to 6
				for (int i = 0; i < 3; i++) assertTrue(c[i] + z[i] <= new int[] { 10, 8, 6 }[i], d);
			}
			assertTrue(count >= 1 && count <= 5, d);
		}
	}

	@Test
	void badParametersAreRefusedNamingThem() {
		assertMessage(() -> new RandomSwap(new int[] { 0, 1, 1 }, 3), "patch size");
		assertMessage(() -> new RandomSwap(new int[] { 11, 1, 1 }, 3).draw(RAMP, new SplittableRandom(1)), "patch_x = 11");
		assertMessage(() -> new RandomSwap(new int[] { 10, 8, 6 }, 3).draw(RAMP, new SplittableRandom(1)), "nowhere to swap");
		assertMessage(() -> new RandomCoarseDropout(0, 2, new int[] { 1, 1, 1 }, new int[] { 2, 2, 2 }, true, RandomCoarseDropout.Fill.VALUE, 0, 0, 0), "holes_min");
		assertMessage(() -> new RandomCoarseDropout(1, 2, new int[] { 5, 1, 1 }, new int[] { 2, 2, 2 }, true, RandomCoarseDropout.Fill.VALUE, 0, 0, 0), "min_size <= max_size");
		assertMessage(() -> new RandomCoarseDropout(1, 2, new int[] { 1, 1, 1 }, new int[] { 2, 2, 2 }, true, RandomCoarseDropout.Fill.RANGE, 0, 2, 1), "fill_min <= fill_max");
	}
}
