package org.medprep.core.phantom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medprep.core.Volume;
import org.medprep.testutil.TestVolumes;

import net.imglib2.RandomAccess;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

class CtPhantomTest {

	private final CtPhantom phantom = new CtPhantom(64, 64, 16, new double[] { 1.5, 1.5, 3 }, 0, 1);

	@Test
	void tissuesHaveTheirHounsfieldValuesAndLabels() {
		final Volume<ShortType> ct = phantom.image();
		final Volume<UnsignedByteType> labels = phantom.labels();
		final RandomAccess<ShortType> hu = ct.data().randomAccess();
		final RandomAccess<UnsignedByteType> lab = labels.data().randomAccess();
		// a corner is outside the field of view; the centre line is body; the spine sits behind the centre
		assertEquals(CtPhantom.PADDING, hu.setPositionAndGet(0, 0, 8).get());
		assertEquals(0, lab.setPositionAndGet(0, 0, 8).get());
		assertEquals(CtPhantom.AIR, hu.setPositionAndGet(32, 3, 8).get());
		int counts[] = new int[5];
		for (final double l : TestVolumes.values(labels.data())) counts[(int) l]++;
		for (int k = 1; k <= 4; k++) assertTrue(counts[k] > 0, "label " + k + " present");
		final double[] h = TestVolumes.values(ct.data()), l = TestVolumes.values(labels.data());
		for (int i = 0; i < h.length; i++) {
			final int expected = l[i] == 1 ? 40 : l[i] == 2 ? -100 : l[i] == 3 ? -850 : l[i] == 4 ? 700 : h[i] == -2000 ? -2000 : -1000;
			assertEquals(expected, h[i], 0, "voxel " + i);
		}
		assertArrayEquals(new double[] { 1.5, 1.5, 3 }, ct.geometry().spacing(), 0);
		assertEquals(-(63 * 1.5) / 2, ct.geometry().origin(0), 1e-12);
	}

	@Test
	void noiseIsReproducibleWhateverTheThreadCount() {
		final CtPhantom noisy = new CtPhantom(48, 40, 12, new double[] { 1, 1, 1 }, 10, 99);
		final double[] one = Parallelization.runWithNumThreads(1, () -> TestVolumes.values(noisy.image().data()));
		final double[] four = Parallelization.runWithNumThreads(4, () -> TestVolumes.values(noisy.image().data()));
		assertArrayEquals(one, four, 0);
	}
}
