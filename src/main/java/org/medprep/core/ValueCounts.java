package org.medprep.core;

import java.util.Optional;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * How often each stored value occurs among the selected voxels of an image
 * stored as 8- or 16-bit integers (CT and most MR files, ImageJ stacks): one
 * pass of counting, after which sums, extremes and moments are exact and cost
 * nothing per voxel. Counts are integers, so the result is the same whatever
 * the number of threads.
 */
public final class ValueCounts {

	private final double[] values;
	private final long[] counts;

	private ValueCounts(final double[] values, final long[] counts) {
		this.values = values;
		this.counts = counts;
	}

	/**
	 * The counts of the selected voxels, or empty when the image is not a planar
	 * image of 8- or 16-bit stored integers (then count another way).
	 */
	public static Optional<ValueCounts> of(final RandomAccessibleInterval<? extends RealType<?>> image, final VoxelSelection selection) {
		final StoredPlanes stored = StoredPlanes.of(image).orElse(null);
		if (stored == null || stored.tableSize() == 0 || image.numDimensions() != 3) return Optional.empty();
		final RandomAccessibleInterval<? extends RealType<?>> mask = selection.maskImage();
		if (mask != null) Planes.requireSameSize(image, mask);
		final int size = stored.tableSize(), n = Planes.planeSize(image);
		final Planes.MaskRuns maskRuns = mask == null ? null : new Planes.MaskRuns(mask);
		final long[] counts = PlaneTallies.count(size, (int) image.dimension(2), n, (bins, z) -> {
			final Object plane = stored.plane(z);
			if (maskRuns == null) count(plane, 0, n, bins);
			else maskRuns.forEachSelected(z, (from, to) -> count(plane, from, to, bins));
		});
		final double[] values = stored.tableValues();
		if (selection.kind() == VoxelSelection.Kind.NON_ZERO)
			for (int b = 0; b < size; b++)
				if (values[b] == 0) counts[b] = 0;
		return Optional.of(new ValueCounts(values, counts));
	}

	private static void count(final Object plane, final int from, final int to, final int[] h) {
		if (plane instanceof short[]) {
			final short[] a = (short[]) plane;
			for (int i = from; i < to; i++) h[a[i] & 0xffff]++;
		}
		else {
			final byte[] a = (byte[]) plane;
			for (int i = from; i < to; i++) h[a[i] & 0xff]++;
		}
	}

	/** The number of distinct stored values (256 or 65536). */
	public int size() { return values.length; }

	/** The physical value of stored value number {@code k}. */
	public double value(final int k) { return values[k]; }

	/** How many selected voxels hold stored value number {@code k}. */
	public long count(final int k) { return counts[k]; }
}
