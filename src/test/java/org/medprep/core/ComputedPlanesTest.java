package org.medprep.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;

import org.junit.jupiter.api.Test;

import net.imglib2.Cursor;
import net.imglib2.img.Img;
import net.imglib2.img.array.ArrayImgs;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.integer.ShortType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.view.Views;

/**
 * A result computed when first read: a generic reader computes every plane once
 * and keeps them; a writer fills its own buffers and keeps nothing; the values
 * are those of the eager map whoever reads first and at any thread count.
 */
class ComputedPlanesTest {

	private static final long[] DIMS = { 13, 7, 9 };

	/** plane z, voxel i: z * 1000 + i + 0.25, counting how often each plane is computed. */
	private static PlanarImg<FloatType, FloatArray> counted(final AtomicIntegerArray computations) {
		return ComputedPlanes.floats(ArrayImgs.floats(DIMS), (z, out) -> {
			computations.incrementAndGet(z);
			for (int i = 0; i < out.length; i++) out[i] = z * 1000 + i + 0.25f;
		});
	}

	private static float expected(final long x, final long y, final long z) {
		return z * 1000 + (y * DIMS[0] + x) + 0.25f;
	}

	@Test
	void aGenericReadComputesEveryPlaneOnceAndKeepsThem() {
		final AtomicIntegerArray computations = new AtomicIntegerArray((int) DIMS[2]);
		final PlanarImg<FloatType, FloatArray> img = counted(computations);
		assertTrue(ComputedPlanes.pending(img).isPresent());
		for (int z = 0; z < DIMS[2]; z++) assertEquals(0, computations.get(z), "nothing is computed before a read");
		final Cursor<FloatType> c = img.localizingCursor();
		int voxels = 0;
		while (c.hasNext()) {
			c.fwd();
			assertEquals(expected(c.getLongPosition(0), c.getLongPosition(1), c.getLongPosition(2)), c.get().get());
			voxels++;
		}
		assertEquals(13 * 7 * 9, voxels);
		// read again, through the planes this time: nothing is computed twice
		for (int z = 0; z < DIMS[2]; z++) assertEquals(z * 1000 + 5.25f, img.getPlane(z).getCurrentStorageArray()[5]);
		for (int z = 0; z < DIMS[2]; z++) assertEquals(1, computations.get(z), "plane " + z);
		assertFalse(ComputedPlanes.pending(img).isPresent(), "once computed, nothing is pending");
	}

	@Test
	void aWriterFillsItsOwnBuffersAndKeepsNothing() {
		final AtomicIntegerArray computations = new AtomicIntegerArray((int) DIMS[2]);
		final PlanarImg<FloatType, FloatArray> img = counted(computations);
		final ComputedPlanes.Pending pending = ComputedPlanes.pending(img).orElseThrow();
		final float[] buffer = new float[13 * 7];
		for (int pass = 0; pass < 2; pass++)
			for (int z = 0; z < DIMS[2]; z++) {
				pending.fill(z, buffer);
				assertEquals(z * 1000 + 90.25f, buffer[90]);
			}
		for (int z = 0; z < DIMS[2]; z++) assertEquals(2, computations.get(z), "each fill computes, none keeps");
		assertTrue(ComputedPlanes.pending(img).isPresent());
		// after a generic read, filling copies the kept plane
		img.getPlane(3);
		pending.fill(4, buffer);
		assertEquals(4 * 1000 + 0.25f, buffer[0]);
		for (int z = 0; z < DIMS[2]; z++) assertEquals(3, computations.get(z), "plane " + z);
	}

	@Test
	void mapFloatsGivesTheSameValuesReadEitherWayAtAnyThreadCount() throws Exception {
		final Img<ShortType> input = PlanarImgs.shorts(DIMS);
		int v = -2000;
		for (final ShortType t : input) t.set((short) (v += 37));
		final Planes.FloatRun window = (in, n, out, at) -> {
			for (int i = 0; i < n; i++) out[at + i] = (float) Math.max(0, Math.min(1, (in[i] + 160) / 400));
		};
		final float[] eager = new float[13 * 7 * 9];
		{
			int i = 0;
			for (final ShortType t : input) eager[i++] = (float) Math.max(0, Math.min(1, (t.get() + 160) / 400.0));
		}
		for (final int threads : new int[] { 1, 3 }) {
			final float[] read = Parallelization.runWithNumThreads(threads, () -> {
				final float[] out = new float[eager.length];
				int i = 0;
				for (final FloatType t : Views.flatIterable(Planes.mapFloats(input, window))) out[i++] = t.get();
				return out;
			});
			assertArrayEquals(eager, read, threads + " threads, read as an image");
			final float[] filled = new float[eager.length];
			final ComputedPlanes.Pending p = ComputedPlanes.pending(Planes.mapFloats(input, window)).orElseThrow();
			final float[] plane = new float[13 * 7];
			for (int z = 0; z < 9; z++) {
				p.fill(z, plane);
				System.arraycopy(plane, 0, filled, z * plane.length, plane.length);
			}
			assertArrayEquals(eager, filled, threads + " threads, filled plane by plane");
		}
		// readers arriving together (each computing in parallel itself) see the same planes
		final PlanarImg<FloatType, FloatArray> shared = Planes.mapFloats(input, window);
		final ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			final List<Future<float[]>> reads = new ArrayList<>();
			for (int r = 0; r < 4; r++) reads.add(pool.submit(() -> shared.getPlane(8).getCurrentStorageArray()));
			final float[] first = reads.get(0).get();
			for (final Future<float[]> f : reads) assertTrue(f.get() == first, "one kept plane for every reader");
			assertEquals(eager[8 * 91 + 90], first[90]);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
