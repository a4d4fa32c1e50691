package org.medprep.core.normalize;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import org.medprep.core.Planes;
import org.medprep.core.VoxelSelection;
import org.medprep.core.segment.ForegroundMask;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * How the foreground (the brain, the body) is found when no mask is given.
 * <ul>
 * <li>{@link #POSITIVE}: voxels &gt; 0, intensity-normalization's rule for
 * skull-stripped images ({@code mask = image > 0}).</li>
 * <li>{@link #OTSU}: voxels above Otsu's threshold of all voxels (scikit-image's
 * {@code threshold_otsu}, see {@link ForegroundMask#otsuThreshold}), for images
 * whose background is not 0.</li>
 * <li>{@link #ALL}: every voxel.</li>
 * </ul>
 * A given mask always wins: its non-zero voxels are the foreground.
 */
public enum Foreground implements Labelled {
	POSITIVE("voxels > 0"), OTSU("Otsu threshold"), ALL("all voxels");

	private final String label;

	Foreground(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(Foreground.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static Foreground fromLabel(final String label) {
		return Labels.parse(Foreground.class, label, "foreground rule");
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

	/**
	 * Otsu's threshold of all voxels, exactly as scikit-image's {@code threshold_otsu}
	 * (one bin per integer value for integer data): the same threshold as
	 * {@link ForegroundMask#otsuThreshold}, which it is.
	 */
	public static double otsuThreshold(final RandomAccessibleInterval<? extends RealType<?>> image) {
		return ForegroundMask.otsuThreshold(image);
	}
}
