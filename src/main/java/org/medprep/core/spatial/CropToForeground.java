package org.medprep.core.spatial;

import java.util.List;
import java.util.Locale;

import org.medprep.core.Planes;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * Crops to the bounding box of the foreground plus a margin in mm (rounded up
 * to whole voxels per axis, clamped to the image). Foreground is either every
 * voxel above a threshold of the image itself, or a label (or any non-zero
 * label) of a label map on the same grid. The origin moves so the kept voxels
 * keep their physical position.
 */
public final class CropToForeground {

	/** What counts as foreground. */
	public enum Criterion {
		ABOVE_THRESHOLD, LABEL_EQUALS, NON_ZERO
	}

	private final Criterion criterion;
	private final double value;
	private final double marginMm;

	/** @throws IllegalArgumentException if the margin is negative or the value not finite */
	public CropToForeground(final Criterion criterion, final double value, final double marginMm) {
		if (criterion == null) throw new IllegalArgumentException("criterion must not be null");
		if (!Double.isFinite(value)) throw new IllegalArgumentException("foreground threshold/label must be finite, got " + value);
		if (!(marginMm >= 0) || !Double.isFinite(marginMm)) throw new IllegalArgumentException("margin must be >= 0 mm, got " + marginMm);
		this.criterion = criterion;
		this.value = value;
		this.marginMm = marginMm;
	}

	/**
	 * The crop for the foreground found in {@code mask} (the image itself for a
	 * threshold, or a label map on the same grid).
	 * @throws IllegalArgumentException if there is no foreground voxel
	 */
	public SpatialPlan plan(final Volume<? extends RealType<?>> mask) {
		final Grid grid = Grid.of(mask);
		final int nx = (int) grid.size(0);
		final List<long[]> boxes = Planes.map(mask.data(), (z, v) -> {
			long x0 = Long.MAX_VALUE, y0 = Long.MAX_VALUE, x1 = -1, y1 = -1;
			for (int i = 0; i < v.length; i++) {
				if (!isForeground(v[i])) continue;
				final int x = i % nx, y = i / nx;
				if (x < x0) x0 = x;
				if (x > x1) x1 = x;
				if (y < y0) y0 = y;
				if (y > y1) y1 = y;
			}
			return x1 < 0 ? null : new long[] { x0, y0, x1, y1 };
		});
		final long[] min = { Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE };
		final long[] max = { -1, -1, -1 };
		for (int z = 0; z < boxes.size(); z++) {
			final long[] b = boxes.get(z);
			if (b == null) continue;
			min[0] = Math.min(min[0], b[0]);
			min[1] = Math.min(min[1], b[1]);
			max[0] = Math.max(max[0], b[2]);
			max[1] = Math.max(max[1], b[3]);
			min[2] = Math.min(min[2], z);
			max[2] = Math.max(max[2], z);
		}
		if (max[0] < 0) throw new IllegalArgumentException("no foreground voxel (" + this + ") in the mask: nothing to crop to");
		final long[] start = new long[3];
		final long[] size = new long[3];
		for (int d = 0; d < 3; d++) {
			final long m = (long) Math.ceil(marginMm / grid.geometry().spacing(d) - 1e-9);
			start[d] = Math.max(0, min[d] - m);
			size[d] = Math.min(grid.size(d) - 1, max[d] + m) - start[d] + 1;
		}
		return SpatialPlan.window(grid, start, size);
	}

	private boolean isForeground(final double v) {
		switch (criterion) {
			case ABOVE_THRESHOLD: return v > value;
			case LABEL_EQUALS: return v == value;
			default: return v != 0;
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "Crop to Foreground %s %s margin %s mm", criterion, value, marginMm);
	}
}
