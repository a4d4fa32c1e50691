package org.medprep.core.normalize;

import java.util.Arrays;
import java.util.List;

import org.medprep.core.Planes;
import org.medprep.core.VoxelSelection;
import org.medprep.core.stats.IntensityStatistics;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * How the foreground (the brain, the body) is found when no mask is given.
 * <ul>
 * <li>{@link #POSITIVE}: voxels &gt; 0, intensity-normalization's rule for
 * skull-stripped images ({@code mask = image > 0}).</li>
 * <li>{@link #OTSU}: voxels above Otsu's threshold on a 256-bin histogram of
 * all voxels (scikit-image's {@code threshold_otsu}: the bin centre maximizing
 * the between-class variance), for images whose background is not 0.</li>
 * <li>{@link #ALL}: every voxel.</li>
 * </ul>
 * A given mask always wins: its non-zero voxels are the foreground.
 */
public enum Foreground {
	POSITIVE("voxels > 0"), OTSU("Otsu threshold"), ALL("all voxels");

	private static final int OTSU_BINS = 256;

	private final String label;

	Foreground(final String label) { this.label = label; }

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(Foreground::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static Foreground fromLabel(final String label) {
		for (final Foreground f : values())
			if (f.label.equalsIgnoreCase(label) || f.name().equalsIgnoreCase(label)) return f;
		throw new IllegalArgumentException("unknown foreground rule '" + label + "'; choose one of " + Arrays.toString(labels()));
	}

	/**
	 * The voxels to learn statistics from: {@code mask}'s non-zero voxels if a
	 * mask is given (it must have the image's size), else this rule's.
	 */
	public VoxelSelection select(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends RealType<?>> mask)
	{
		if (mask != null) {
			Planes.requireSameSize(image, mask);
			return VoxelSelection.mask(mask);
		}
		switch (this) {
			case ALL: return VoxelSelection.all();
			case OTSU: return VoxelSelection.mask(above(image, otsuThreshold(image)));
			default: return VoxelSelection.mask(above(image, 0));
		}
	}

	/**
	 * A 0/1 mask: 1 where the image is above {@code threshold}. Computed into a
	 * planar 8-bit image (1 byte per voxel) rather than kept as a converted
	 * view, because every statistic reads the mask again, and primitive planes
	 * read many times faster than a per-voxel converter.
	 */
	public static RandomAccessibleInterval<UnsignedByteType> above(final RandomAccessibleInterval<? extends RealType<?>> image,
		final double threshold)
	{
		return Planes.toUnsignedBytes(image, (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (byte) (in[i] > threshold ? 1 : 0);
		});
	}

	/** Otsu's threshold of all voxels, as scikit-image computes it with 256 bins. */
	public static double otsuThreshold(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final IntensityStatistics range = IntensityStatistics.of(image, VoxelSelection.all());
		final double lo = range.min(), hi = range.max();
		if (!(hi > lo)) throw new IllegalArgumentException("cannot find an Otsu threshold: the image is constant (" + lo + ")");
		final double width = (hi - lo) / OTSU_BINS;
		final List<long[]> planes = Planes.map(image, (z, v) -> {
			final long[] h = new long[OTSU_BINS];
			for (final double x : v) h[Math.min(OTSU_BINS - 1, (int) ((x - lo) / width))]++;
			return h;
		});
		final double[] counts = new double[OTSU_BINS];
		for (final long[] h : planes)
			for (int b = 0; b < OTSU_BINS; b++) counts[b] += h[b];
		final double[] centres = new double[OTSU_BINS];
		for (int b = 0; b < OTSU_BINS; b++) centres[b] = lo + (b + 0.5) * width;
		// between-class variance for a split after bin b (skimage: weight1, weight2, mean1, mean2)
		double total = 0, totalSum = 0;
		for (int b = 0; b < OTSU_BINS; b++) {
			total += counts[b];
			totalSum += counts[b] * centres[b];
		}
		double w1 = 0, s1 = 0, best = -1;
		int bestBin = 0;
		for (int b = 0; b < OTSU_BINS - 1; b++) {
			w1 += counts[b];
			s1 += counts[b] * centres[b];
			final double w2 = total - w1;
			if (w1 == 0 || w2 == 0) continue;
			final double m1 = s1 / w1, m2 = (totalSum - s1) / w2;
			final double between = w1 * w2 * (m1 - m2) * (m1 - m2);
			if (between > best) {
				best = between;
				bestBin = b;
			}
		}
		return centres[bestBin];
	}
}
