package org.medprep.core;

import java.util.AbstractList;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.concurrent.atomic.AtomicReferenceArray;

import net.imglib2.Interval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.NativeImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Fraction;

/**
 * A float planar image whose planes are computed from a plane function when the
 * image is first read: the result of an element-wise map whose input does not
 * change afterwards (Volumes never change).
 * <p>
 * Why: a writer that knows this image ({@link Pending#fill}) computes each plane into a
 * buffer of its own just before it encodes it, so the result of the last step of
 * a run never has to be held whole. Allocating fresh memory is what such a map
 * costs most: the 315 MB float result of a 512x512x300 CT costs more to allocate
 * than to compute. Everyone else sees a plain {@link PlanarImg}: its first
 * plane read computes every plane, in parallel on ImgLib2's current
 * {@link Parallelization} executor, and keeps them (the input is released then);
 * the values do not depend on who reads first or on the number of threads.
 */
public final class ComputedPlanes {

	private ComputedPlanes() {}

	/** Writes plane {@code z} (0-based) of the result into {@code out}, which holds one plane. */
	@FunctionalInterface
	public interface PlaneComputation {
		void compute(int z, float[] out);
	}

	/** A float image of the interval's size (zero min) whose plane {@code z} is {@code computation.compute(z, ...)}. */
	@SuppressWarnings({ "rawtypes", "unchecked" })
	public static PlanarImg<FloatType, FloatArray> floats(final Interval image, final PlaneComputation computation) {
		final int n = Planes.planeSize(image);
		final Computed img = new Computed(new PlaneList((int) image.dimension(2), n, computation), image.dimensionsAsLongArray());
		img.setLinkedType(new FloatType((NativeImg) img));
		return img;
	}

	/** The image's planes when it is one of these and some are not computed yet: a writer may then {@link Pending#fill} them. */
	public static Optional<Pending> pending(final RandomAccessibleInterval<?> image) {
		if (!(image instanceof Computed)) return Optional.empty();
		final PlaneList planes = ((Computed) image).planes;
		return planes.computation == null ? Optional.empty() : Optional.of(planes);
	}

	/** Computes every plane now (where they are not yet): what a timed operation must include. */
	public static void computeAll(final RandomAccessibleInterval<?> image) {
		if (image instanceof PlanarImg && ((PlanarImg<?, ?>) image).numSlices() > 0) ((PlanarImg<?, ?>) image).getPlane(0);
	}

	/** The planes of a result not yet computed, for a writer that encodes them one by one. */
	public interface Pending {
		/** Writes plane {@code z} into {@code out} (one plane long) without keeping it. */
		void fill(int z, float[] out);
	}

	/** A planar image over a {@link PlaneList}, so that {@link #pending} finds the list. */
	private static final class Computed extends PlanarImg<FloatType, FloatArray> {
		private final PlaneList planes;

		Computed(final PlaneList planes, final long[] dimensions) {
			super(planes, dimensions, new Fraction());
			this.planes = planes;
		}
	}

	/** The list of planes behind the image: computed (all of them, in parallel) on the first read of one not yet there. */
	private static final class PlaneList extends AbstractList<FloatArray> implements RandomAccess, Pending {

		private final AtomicReferenceArray<FloatArray> planes;
		private final int voxels;
		private volatile PlaneComputation computation;

		PlaneList(final int depth, final int voxels, final PlaneComputation computation) {
			this.planes = new AtomicReferenceArray<>(depth);
			this.voxels = voxels;
			this.computation = computation;
		}

		@Override
		public FloatArray get(final int z) {
			final FloatArray a = planes.get(z);
			if (a != null) return a;
			computeAll();
			return planes.get(z);
		}

		@Override
		public FloatArray set(final int z, final FloatArray a) {
			return planes.getAndSet(z, a);
		}

		@Override
		public int size() {
			return planes.length();
		}

		/**
		 * Every plane not yet there, in parallel. Two readers arriving together may both compute a
		 * plane; the first one stored wins and both are the same bits. No lock: a reader inside a
		 * parallel loop never waits for another worker of the same pool.
		 */
		private void computeAll() {
			final PlaneComputation c = computation;
			if (c == null) return;
			Parallelization.getTaskExecutor().forEach(Planes.zIndices(planes.length()), z -> {
				if (planes.get(z) != null) return;
				final float[] out = new float[voxels];
				c.compute(z, out);
				planes.compareAndSet(z, null, new FloatArray(out));
			});
			// every plane is there now (ours or another reader's): the input is no longer needed
			computation = null;
		}

		@Override
		public void fill(final int z, final float[] out) {
			final FloatArray a = planes.get(z);
			final PlaneComputation c = computation;
			if (a != null || c == null) System.arraycopy(get(z).getCurrentStorageArray(), 0, out, 0, voxels);
			else c.compute(z, out);
		}
	}
}
