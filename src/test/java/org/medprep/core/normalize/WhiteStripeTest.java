package org.medprep.core.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.VoxelSelection;
import org.medprep.core.phantom.BrainPhantom;
import org.medprep.core.segment.MaskRule;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;

class WhiteStripeTest {

	private static final BrainPhantom PHANTOM = BrainPhantom.standard().withSize(64, 64, 48).withBias(0.05);

	@Test
	void stripeHasMeanZeroAndStdOneAfterNormalization() {
		final Volume<ShortType> t1 = PHANTOM.image();
		final VoxelSelection fg = MaskRule.POSITIVE.select(t1.data());
		final WhiteStripe ws = WhiteStripe.find(t1.data(), fg, WhiteStripe.DEFAULT_WIDTH);
		// the white-matter mode is the last peak, near the WM signal (grid spacing is about 12 here)
		assertEquals(BrainPhantom.WM, ws.mode(), 25);
		assertTrue(ws.lower() < ws.mode() && ws.mode() < ws.upper());
		final Volume<FloatType> out = ws.apply(t1);
		// statistics of the normalized image over the same stripe voxels
		final List<double[]> sums = Planes.map(out.data(), t1.data(), (z, o, v) -> {
			double n = 0, s = 0, ss = 0;
			for (int i = 0; i < v.length; i++)
				if (v[i] > ws.lower() && v[i] < ws.upper()) {
					n++;
					s += o[i];
					ss += o[i] * o[i];
				}
			return new double[] { n, s, ss };
		});
		double n = 0, s = 0, ss = 0;
		for (final double[] p : sums) {
			n += p[0];
			s += p[1];
			ss += p[2];
		}
		assertEquals(ws.count(), (long) n);
		assertEquals(0, s / n, 1e-5);
		assertEquals(1, Math.sqrt(ss / n - (s / n) * (s / n)), 1e-5);
		// and the stripe holds about 2 * tau of the foreground
		assertEquals(0.1, n / org.medprep.core.stats.IntensityStatistics.of(t1.data(), fg).count(), 0.01);
	}

	@Test
	void matchesIntensityNormalizationWithStatsmodels() throws Exception {
		final java.util.Map<String, double[]> f = Fixtures.read("whitestripe_reference.txt");
		final double[] v = f.get("image");
		final short[] s = new short[v.length];
		for (int i = 0; i < v.length; i++) s[i] = (short) v[i];
		final RandomAccessibleInterval<ShortType> image = ArrayImgs.shorts(s, 16, 16, 12);
		final WhiteStripe ws = WhiteStripe.find(image, MaskRule.POSITIVE.select(image), 0.05);
		// the same 80-point grid: the mode is the same grid point
		assertEquals(f.get("mode")[0], ws.mode(), 1e-9);
		assertEquals(f.get("bounds")[0], ws.lower(), 1e-9);
		assertEquals(f.get("bounds")[1], ws.upper(), 1e-9);
		assertEquals(f.get("stripe")[0], ws.mean(), 1e-9);
		assertEquals(f.get("stripe")[1], ws.std(), 1e-9);
		assertEquals((long) f.get("stripe")[2], ws.count());
	}

	@Test
	void badInput() {
		final RandomAccessibleInterval<ShortType> constant = ArrayImgs.shorts(8, 8, 8);
		for (final ShortType t : constant) t.set((short) 5);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WhiteStripe.find(constant, VoxelSelection.all(), 0.05));
		assertEquals("WhiteStripe needs at least 3 distinct intensities in all voxels", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> WhiteStripe.find(constant, VoxelSelection.mask(ArrayImgs.unsignedBytes(8, 8, 8)), 0.05));
		assertTrue(e.getMessage().contains("the mask is empty"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> WhiteStripe.find(constant, VoxelSelection.all(), 0));
		assertTrue(e.getMessage().contains("width must be within (0, 1)"), e.getMessage());
	}
}
