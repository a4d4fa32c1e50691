package org.medprep.core.spatial;

import java.util.Locale;

import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * Keeps the part of one axis between two percentages of its length, as the
 * MR synthesis tutorial's {@code img[..., int(0.2 * n):int(0.8 * n)]}: index
 * range {@code [floor(n * from / 100), floor(n * to / 100))}. The origin moves
 * so the kept voxels keep their physical position.
 */
public final class CropRange implements SpatialOperation {

	private final int axis;
	private final double fromPercent;
	private final double toPercent;

	/** @throws IllegalArgumentException if the axis is not 0..2 or the range is not 0 <= from < to <= 100 */
	public CropRange(final int axis, final double fromPercent, final double toPercent) {
		if (axis < 0 || axis > 2) throw new IllegalArgumentException("axis must be 0 (x), 1 (y) or 2 (z), got " + axis);
		if (!(fromPercent >= 0 && fromPercent < toPercent && toPercent <= 100))
			throw new IllegalArgumentException("crop range must satisfy 0 <= from < to <= 100 (percent), got from " + fromPercent + " to " + toPercent);
		this.axis = axis;
		this.fromPercent = fromPercent;
		this.toPercent = toPercent;
	}

	@Override
	public SpatialPlan plan(final Grid source) {
		final long n = source.size(axis);
		final long from = (long) Math.floor(n * fromPercent / 100);
		final long to = (long) Math.floor(n * toPercent / 100);
		if (to <= from)
			throw new IllegalArgumentException(String.format(Locale.ROOT, "crop range %s%% to %s%% of %d voxels along %s keeps no voxel", fromPercent, toPercent, n, "xyz".charAt(axis)));
		final long[] start = new long[3];
		final long[] size = source.size();
		start[axis] = from;
		size[axis] = to - from;
		return SpatialPlan.window(source, start, size);
	}

	/** Crops with exact copies (the type is kept). */
	public Volume<? extends RealType<?>> apply(final Volume<? extends RealType<?>> volume) {
		return apply(volume, Sampling.labels());
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "Crop Range %s %s%% to %s%%", "xyz".charAt(axis), fromPercent, toPercent);
	}
}
