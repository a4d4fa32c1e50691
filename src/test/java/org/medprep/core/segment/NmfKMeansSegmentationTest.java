package org.medprep.core.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.CancellationException;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.ShortArray;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;

public class NmfKMeansSegmentationTest {

	/** 40 x 30 x 6: dark noisy background, an ellipse of "fat" (1500) with a "bone" (900) and a "ligament" (300) inside. */
	public static RandomAccessibleInterval<UnsignedShortType> phantom() {
		final ArrayImg<UnsignedShortType, ShortArray> img = ArrayImgs.unsignedShorts(40, 30, 6);
		final RandomAccess<UnsignedShortType> ra = img.randomAccess();
		final Random r = new Random(1);
		for (int z = 0; z < 6; z++)
			for (int y = 0; y < 30; y++)
				for (int x = 0; x < 40; x++) {
					final double e = Math.pow((x - 20) / 16.0, 2) + Math.pow((y - 15) / 11.0, 2);
					double v = 10 + 10 * r.nextDouble();
					if (e < 1) v = 1500 + 40 * r.nextGaussian();
					if (e < 0.35) v = 900 + 30 * r.nextGaussian();
					if (Math.abs(x - 20) < 2 && Math.abs(y - 15) < 4) v = 300 + 20 * r.nextGaussian();
					ra.setPositionAndGet(x, y, z).set((int) Math.round(v * (1 + 0.05 * z)));
				}
		return Views.translate(img, 2, 3, 4);
	}

	@Test
	void segmentsThePhantom() {
		final SegmentationParameters p = SegmentationParameters.defaults().withKMeans(KMeansParameters.of(3), 2, 3).withInverted(true);
		final SegmentationResult r = NmfKMeansSegmentation.run(phantom(), p);
		assertEquals(3, r.basis().dimension(2));
		assertEquals(40, r.basis().dimension(0));
		assertEquals(3, r.nmf().h().rows());
		assertEquals(6, r.nmf().h().cols());
		final double[] c = r.clusters().centers();
		assertEquals(3, c.length);
		assertTrue(c[0] > 250 && c[0] < 400, "ligament centre " + c[0]);
		assertTrue(c[1] > 850 && c[1] < 1150, "bone centre " + c[1]);
		assertTrue(c[2] > 1450 && c[2] < 1900, "fat centre " + c[2]);
		// labels: only 0, 2, 3; the ligament (cluster 1) is dropped, the background is 0
		final Cursor<UnsignedByteType> lc = Views.flatIterable(r.labels()).cursor();
		final Cursor<UnsignedByteType> fc = Views.flatIterable(r.foreground()).cursor();
		final Cursor<UnsignedShortType> ic = Views.flatIterable(phantom()).cursor();
		long kept = 0;
		while (lc.hasNext()) {
			final int l = lc.next().get(), f = fc.next().get(), v = ic.next().get();
			assertTrue(l == 0 || l == 2 || l == 3);
			if (v < 100) assertEquals(0, f); // background outside the ellipse rows... except row-filled gaps: none here
			if (l != 0) { assertEquals(1, f); kept++; }
		}
		assertEquals(r.clusters().sizes()[1] + r.clusters().sizes()[2], kept);
		assertTrue(r.inverted().isPresent());
		assertTrue(r.nmf().reconstructionError() < 0.2 * NmfKMeansSegmentation.sliceMatrix(phantom()).frobeniusNorm());
	}

	@Test
	void reconstructionSourceAndLargestComponent() {
		final SegmentationParameters p = SegmentationParameters.defaults().withSource(ClusterSource.NMF_RECONSTRUCTION)
			.withForeground(ForegroundMethod.LARGEST_COMPONENT).withKMeans(KMeansParameters.of(3), 1, 3);
		final SegmentationResult r = NmfKMeansSegmentation.run(phantom(), p);
		assertEquals(3, r.clusters().k());
		assertTrue(!r.inverted().isPresent());
	}

	@Test
	void badInputAndCancel() {
		final ArrayImg<UnsignedShortType, ShortArray> flat = ArrayImgs.unsignedShorts(8, 8, 3);
		for (final UnsignedShortType t : flat) t.set(5);
		flat.randomAccess().setPositionAndGet(1, 1, 1).set(6);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> NmfKMeansSegmentation.run(flat, SegmentationParameters.defaults().withThreshold(1)));
		assertEquals("foreground clustering: K = 4 is larger than the number of distinct intensities (2) in the foreground mask", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> NmfKMeansSegmentation.run(flat, SegmentationParameters.defaults().withThreshold(100)));
		assertEquals("foreground clustering: no voxels to cluster: the foreground mask selects no voxel (the foreground mask is empty)", e.getMessage());
		final RandomAccessibleInterval<net.imglib2.type.numeric.real.FloatType> negative = ArrayImgs.floats(new float[] { 1, 2, -1, 3, 4, 5, 6, 7 }, 2, 2, 2);
		e = assertThrows(IllegalArgumentException.class, () -> NmfKMeansSegmentation.run(negative, SegmentationParameters.defaults()));
		assertEquals("NMF needs non-negative intensities; voxel (0, 1, 0) is -1.0", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> NmfKMeansSegmentation.run(phantom(), SegmentationParameters.defaults().withNmf(NmfParameters.study(7))));
		assertTrue(e.getMessage().startsWith("n_components = 7 is larger than min(n_samples, n_features) = min(1200, 6)"), e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> SegmentationParameters.defaults().withKMeans(KMeansParameters.of(3), 2, 4));
		assertEquals("clusters to keep must satisfy 1 <= kmin <= kmax <= K = 3, got kmin = 2, kmax = 4", e.getMessage());
		final int[] calls = { 0 };
		assertThrows(CancellationException.class, () -> NmfKMeansSegmentation.run(phantom(), SegmentationParameters.defaults(), (d, t, m) -> calls[0]++, () -> calls[0] > 3));
	}
}
