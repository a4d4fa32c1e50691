package org.medprep.core.augment;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.medprep.core.History;
import org.medprep.core.Planes;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.spatial.Grid;
import org.medprep.core.spatial.SpatialPlan;

import net.imglib2.type.numeric.RealType;

/**
 * A crop of a fixed size at a random position. Uniform over all positions, or
 * (MONAI's {@code RandCropByPosNegLabel}) centred on a random voxel of a label
 * map: a foreground voxel (label > 0) with probability
 * {@code pos / (pos + neg)}, else a background voxel, the crop then moved
 * inside the image if it sticks out. Geometry: the origin moves with the
 * crop, spacing and direction are kept.
 */
public final class RandomCrop implements RandomSpatialTransform {

	private final long[] size;
	private final String label;
	private final double pos, neg;

	/** Uniform position. */
	public RandomCrop(final long[] size) {
		this(size, null, 0, 0);
	}

	/**
	 * @param label name of the subject's label map to centre on (null: uniform)
	 * @throws IllegalArgumentException if a size is not positive, or pos/neg negative or both 0 with a label
	 */
	public RandomCrop(final long[] size, final String label, final double pos, final double neg) {
		if (size == null || size.length != 3) throw new IllegalArgumentException("crop size needs 3 values (x, y, z)");
		for (int d = 0; d < 3; d++)
			if (size[d] < 1) throw new IllegalArgumentException("crop size along " + "xyz".charAt(d) + " must be >= 1, got " + size[d]);
		if (label != null && (!(pos >= 0) || !(neg >= 0) || pos + neg <= 0))
			throw new IllegalArgumentException("pos and neg must be >= 0 and not both 0, got pos " + pos + ", neg " + neg);
		this.size = size.clone();
		this.label = label;
		this.pos = pos;
		this.neg = neg;
	}

	@Override
	public Draw draw(final Subject subject, final SplittableRandom random) {
		final Grid g = subject.grid();
		for (int d = 0; d < 3; d++)
			if (size[d] > g.size(d))
				throw new IllegalArgumentException("crop size " + size[0] + "x" + size[1] + "x" + size[2] + " is larger than the image "
					+ g.size(0) + "x" + g.size(1) + "x" + g.size(2));
		final long[] start = new long[3];
		if (label == null) {
			for (int d = 0; d < 3; d++) start[d] = random.nextLong(g.size(d) - size[d] + 1);
			return new Draw(start, size);
		}
		final Volume<? extends RealType<?>> map = subject.labels().get(label);
		if (map == null) throw new IllegalArgumentException("the subject has no label map '" + label + "'; it has " + subject.labels().keySet());
		final boolean foreground = random.nextDouble() * (pos + neg) < pos;
		final long[] centre = pickVoxel(map, foreground, random);
		for (int d = 0; d < 3; d++) {
			final long s = centre[d] - size[d] / 2;
			start[d] = Math.max(0, Math.min(g.size(d) - size[d], s));
		}
		return new Draw(start, size);
	}

	/** A uniformly chosen voxel that is (or is not) foreground; the other kind if none exists. */
	private static long[] pickVoxel(final Volume<? extends RealType<?>> map, final boolean foreground, final SplittableRandom random) {
		final List<Long> counts = Planes.map(map.data(), (z, v) -> {
			long c = 0;
			for (final double x : v) if ((x > 0) == foreground) c++;
			return c;
		});
		long total = 0;
		for (final long c : counts) total += c;
		if (total == 0) return pickVoxel(map, !foreground, random);
		long k = random.nextLong(total);
		int z = 0;
		while (k >= counts.get(z)) k -= counts.get(z++);
		final long nx = map.dimension(0);
		final int plane = z;
		final long wanted = k;
		final List<Long> hit = Planes.map(map.data(), (zz, v) -> {
			if (zz != plane) return -1L;
			long seen = 0;
			for (int i = 0; i < v.length; i++)
				if ((v[i] > 0) == foreground && seen++ == wanted) return (long) i;
			return -1L;
		});
		final long i = hit.get(plane);
		return new long[] { i % nx, i / nx, plane };
	}

	/** Where the crop starts and its size, in voxels. */
	public static final class Draw implements SpatialDraw {
		private final long[] start, size;

		public Draw(final long[] start, final long[] size) {
			this.start = start.clone();
			this.size = size.clone();
		}

		public long[] start() { return start.clone(); }

		@Override
		public SpatialPlan plan(final Grid source) {
			return SpatialPlan.window(source, start, size);
		}

		@Override
		public History.Step record(final History.Step step) {
			return step.withDrawn("start", "[" + start[0] + "," + start[1] + "," + start[2] + "]");
		}

		@Override
		public String toString() {
			return "Random Crop start=" + Arrays.toString(start) + " size=" + Arrays.toString(size);
		}
	}
}
