package org.medprep.core.patch;

import java.util.Arrays;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * Where a patch lies in its image: the voxel index of its first voxel (may be
 * negative, or reach beyond the far faces, when the image is padded) and its
 * size. Immutable.
 */
public final class Patch {

	private final int index;
	private final long[] start, size;

	/** @throws IllegalArgumentException if a size is not positive */
	public Patch(final int index, final long[] start, final long[] size) {
		if (start == null || start.length != 3 || size == null || size.length != 3) throw new IllegalArgumentException("a patch needs 3 start and 3 size values");
		for (int d = 0; d < 3; d++)
			if (size[d] < 1) throw new IllegalArgumentException("patch size along " + "xyz".charAt(d) + " must be >= 1, got " + size[d]);
		this.index = index;
		this.start = start.clone();
		this.size = size.clone();
	}

	public int index() { return index; }
	public long[] start() { return start.clone(); }
	public long start(final int d) { return start[d]; }
	public long[] size() { return size.clone(); }
	public long size(final int d) { return size[d]; }

	/**
	 * The patch of {@code image}: a view (nothing copied), zero-min, of the input's
	 * type, padded by the mode where it reaches beyond the image, with the geometry
	 * of its place (origin at its first voxel; spacing and direction kept).
	 */
	public <T extends RealType<T>> Volume<T> of(final Volume<T> image, final PaddingMode padding, final double fill) {
		final RandomAccessibleInterval<T> data = Views.zeroMin(image.data());
		final long[] max = new long[3];
		for (int d = 0; d < 3; d++) max[d] = start[d] + size[d] - 1;
		final RandomAccessibleInterval<T> view = Views.zeroMin(Views.interval(padding.extend(data, fill), new FinalInterval(start, max)));
		final Geometry g = image.geometry();
		return Volume.of(view, g.withOrigin(g.indexToPhysical(new double[] { start[0], start[1], start[2] })), image.metadata());
	}

	@Override
	public String toString() {
		return "Patch " + index + " at " + Arrays.toString(start) + " size " + Arrays.toString(size);
	}
}
