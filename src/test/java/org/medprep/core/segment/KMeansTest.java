package org.medprep.core.segment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.type.numeric.integer.UnsignedShortType;
import net.imglib2.view.Views;

import org.junit.jupiter.api.Test;
import org.medprep.core.ProgressListener;
import org.medprep.core.VoxelSelection;

class KMeansTest {

	private static final double[] VALUES = Fixtures.uint16("km_values.u16");

	/** The fixture intensities as a 200 x 100 x 1 image, shifted off the origin. */
	private static RandomAccessibleInterval<UnsignedShortType> valueImage() {
		final short[] s = new short[VALUES.length];
		for (int i = 0; i < s.length; i++) s[i] = (short) VALUES[i];
		return Views.translate(ArrayImgs.unsignedShorts(s, 200, 100, 1), 5, -3, 2);
	}

	@Test
	void intensityClustersAgreeWithScikitLearn() {
		for (final String[] row : Fixtures.tsv("kmeans.tsv")) {
			if (!row[0].startsWith("values")) continue;
			final boolean fixedPoint = row[0].equals("values_tol0"); // scikit-learn with tol = 0
			final int k = Integer.parseInt(row[1]);
			final double inertia = Double.parseDouble(row[2]);
			final String[] cs = row[3].split(",");
			final IntensityClusters c = IntensityClustering.cluster(valueImage(), VoxelSelection.all(), KMeansParameters.of(k));
			final double rel = (c.inertia() - inertia) / inertia;
			System.out.printf("k-means K=%d ours %.6f sklearn%s %.6f rel %+.2e%n", k, c.inertia(), fixedPoint ? " (tol 0)" : "", inertia, rel);
			// within 0.1 % of scikit-learn and never worse (the exact 1-D optimum is a candidate)
			assertTrue(Math.abs(rel) <= 1.1e-3 && rel <= 1e-9, "K=" + k + ": inertia " + c.inertia() + " vs scikit-learn " + inertia);
			if (fixedPoint && Math.abs(rel) < 1e-9) // the same optimum: the same centres
				for (int j = 0; j < k; j++) assertEquals(Double.parseDouble(cs[j]), c.centers()[j], 1e-6);
			long total = 0;
			for (final long s : c.sizes()) total += s;
			assertEquals(VALUES.length, total);
			for (int j = 1; j < k; j++) assertTrue(c.centers()[j] > c.centers()[j - 1]);
		}
	}

	@Test
	void restartsAloneComeCloseToScikitLearn() {
		// without the exact 1-D candidate: scikit-learn's procedure with other random draws
		for (final String[] row : Fixtures.tsv("kmeans.tsv")) {
			if (!row[0].equals("values")) continue;
			final int k = Integer.parseInt(row[1]);
			final double inertia = Double.parseDouble(row[2]);
			final IntensityClusters c = IntensityClustering.cluster(valueImage(), VoxelSelection.all(), KMeansParameters.of(k).withExact1D(false));
			assertTrue(Math.abs(c.inertia() - inertia) / inertia < 5e-3, "K=" + k + ": inertia " + c.inertia() + " vs scikit-learn " + inertia);
		}
	}

	@Test
	void labelImageFollowsTheThresholds() {
		final IntensityClusters c = IntensityClustering.cluster(valueImage(), VoxelSelection.all(), KMeansParameters.of(4));
		final double[] t = c.thresholds();
		final long[] counted = new long[4];
		final net.imglib2.Cursor<UnsignedShortType> in = Views.flatIterable(valueImage()).cursor();
		final net.imglib2.Cursor<UnsignedByteType> out = Views.flatIterable(c.labels()).cursor();
		while (in.hasNext()) {
			final double v = in.next().get();
			final int label = out.next().get();
			int expected = 1;
			while (expected <= t.length && v > t[expected - 1]) expected++;
			assertEquals(expected, label, "value " + v);
			counted[label - 1]++;
		}
		assertArrayEquals(c.sizes(), counted);
		// cluster centres are the mean intensities of their voxels
		assertEquals(182.9, c.centers()[0], 0.1);
	}

	@Test
	void recoversKnownBlobCentres() {
		final double[] pts = Fixtures.float64("km_blobs.f64");
		final String[] row = Fixtures.tsv("kmeans.tsv").stream().filter(r -> r[0].equals("blobs")).findFirst().get();
		final KMeansResult r = KMeans.fit(pts, 2, null, KMeansParameters.of(4), ProgressListener.NONE, () -> false);
		final double sk = Double.parseDouble(row[2]);
		assertTrue(Math.abs(r.inertia() - sk) / sk <= 1e-3, r.inertia() + " vs " + sk);
		// sorted by first coordinate: (-5, 2), (0, -4), (3, 4), (6, -3)
		final double[][] truth = { { -5, 2 }, { 0, -4 }, { 3, 4 }, { 6, -3 } };
		for (int c = 0; c < 4; c++)
			for (int d = 0; d < 2; d++) assertEquals(truth[c][d], r.center(c, d), 0.1, "cluster " + c);
		// every point is labelled with its nearest centre
		final int[] labels = r.labels();
		for (int i = 0; i < labels.length; i++) {
			double best = Double.POSITIVE_INFINITY;
			int arg = -1;
			for (int c = 0; c < 4; c++) {
				final double d = Math.pow(pts[2 * i] - r.center(c, 0), 2) + Math.pow(pts[2 * i + 1] - r.center(c, 1), 2);
				if (d < best) { best = d; arg = c; }
			}
			assertEquals(arg, labels[i]);
		}
	}

	@Test
	void weightedDistinctValuesEqualRepeatedSamples() {
		// {1 x3, 2 x1, 10 x2, 11 x2} clustered as 8 samples or as 4 weighted values
		final double[] samples = { 1, 1, 1, 2, 10, 10, 11, 11 };
		final KMeansResult a = KMeans.fit(samples, 1, null, KMeansParameters.of(2), ProgressListener.NONE, () -> false);
		final KMeansResult b = KMeans.fit1D(new double[] { 1, 2, 10, 11 }, new double[] { 3, 1, 2, 2 }, KMeansParameters.of(2), ProgressListener.NONE, () -> false);
		assertEquals(1.25, b.center(0, 0), 1e-12);
		assertEquals(10.5, b.center(1, 0), 1e-12);
		assertEquals(0.75 + 1.0, b.inertia(), 1e-12); // 3 * 0.0625 + 0.5625 + 4 * 0.25
		assertEquals(a.inertia(), b.inertia(), 1e-12);
		assertArrayEquals(new double[] { 4, 4 }, b.clusterWeights());
	}

	@Test
	void deterministicForASeedAndAnyThreadCount() {
		final KMeansParameters p = KMeansParameters.of(5).withSeed(42);
		final IntensityClusters one = Parallelization.runSingleThreaded(() -> IntensityClustering.cluster(valueImage(), VoxelSelection.all(), p));
		final IntensityClusters many = Parallelization.runWithNumThreads(4, () -> IntensityClustering.cluster(valueImage(), VoxelSelection.all(), p));
		assertArrayEquals(one.centers(), many.centers());
		assertEquals(one.inertia(), many.inertia(), 0.0);
		final double[] pts = Fixtures.float64("km_blobs.f64");
		final KMeansResult b1 = Parallelization.runSingleThreaded(() -> KMeans.fit(pts, 2, null, KMeansParameters.of(6).withSeed(3).withNInit(3), ProgressListener.NONE, () -> false));
		final KMeansResult b2 = Parallelization.runWithNumThreads(3, () -> KMeans.fit(pts, 2, null, KMeansParameters.of(6).withSeed(3).withNInit(3), ProgressListener.NONE, () -> false));
		assertArrayEquals(b1.centers(), b2.centers());
		assertArrayEquals(b1.labels(), b2.labels());
	}

	@Test
	void maskSelectsTheVoxels() {
		final RandomAccessibleInterval<UnsignedShortType> img = valueImage();
		final byte[] m = new byte[VALUES.length];
		for (int i = 0; i < m.length; i++) m[i] = (byte) (VALUES[i] > 1200 ? 1 : 0);
		final IntensityClusters c = IntensityClustering.cluster(img, VoxelSelection.mask(Views.translate(ArrayImgs.unsignedBytes(m, 200, 100, 1), 5, -3, 2)), KMeansParameters.of(2));
		long n = 0;
		for (final double v : VALUES) if (v > 1200) n++;
		assertEquals(n, c.sizes()[0] + c.sizes()[1]);
		assertTrue(c.centers()[0] > 1200);
		final UnsignedByteType zero = new UnsignedByteType(0);
		final net.imglib2.Cursor<UnsignedByteType> lc = Views.flatIterable(c.labels()).cursor();
		for (int i = 0; i < m.length; i++) assertEquals(m[i] != 0, !lc.next().valueEquals(zero));
	}

	@Test
	void badInputGivesClearMessages() {
		final RandomAccessibleInterval<UnsignedShortType> few = ArrayImgs.unsignedShorts(new short[] { 1, 1, 5, 5, 9, 9 }, 3, 2, 1);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> IntensityClustering.cluster(few, VoxelSelection.all(), KMeansParameters.of(4)));
		assertEquals("K = 4 is larger than the number of distinct intensities (3) in all voxels", e.getMessage());
		final RandomAccessibleInterval<UnsignedByteType> empty = ArrayImgs.unsignedBytes(3, 2, 1);
		e = assertThrows(IllegalArgumentException.class, () -> IntensityClustering.cluster(few, VoxelSelection.mask(empty), KMeansParameters.of(2)));
		assertEquals("no voxels to cluster: the mask selects no voxel (the mask is empty)", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> KMeans.fit(new double[] { 1, 2, 3 }, 1, null, KMeansParameters.of(4), ProgressListener.NONE, () -> false));
		assertEquals("K = 4 is larger than the number of distinct points (3)", e.getMessage());
		e = assertThrows(IllegalArgumentException.class, () -> KMeansParameters.of(0));
		assertEquals("number of clusters K must be at least 1, got 0", e.getMessage());
	}

	@Test
	void intervalsSplitAtMidpointsWithArgminTies() {
		final double[] x = { 0, 1, 2, 3, 4 };
		final int[] lo = new int[2], hi = new int[2];
		KMeans.intervals(x, new double[] { 3, 1 }, lo, hi); // midpoint 2: tie goes to index 0 (centre 3)
		assertArrayEquals(new int[] { 2, 0 }, lo);
		assertArrayEquals(new int[] { 5, 2 }, hi);
		KMeans.intervals(x, new double[] { 1, 3 }, lo, hi);
		assertArrayEquals(new int[] { 0, 3 }, lo);
		assertArrayEquals(new int[] { 3, 5 }, hi);
		final int[] lo3 = new int[3], hi3 = new int[3];
		KMeans.intervals(x, new double[] { 4, 2, 2 }, lo3, hi3); // equal centres: index 1 takes all, index 2 none
		assertEquals(0, lo3[1]);
		assertEquals(3, hi3[1]); // midpoint 3 between 2 and 4: tie to index 0 (centre 4)
		assertEquals(lo3[2], hi3[2]);
		assertEquals(List.of(3, 5), List.of(lo3[0], hi3[0]));
	}
}
