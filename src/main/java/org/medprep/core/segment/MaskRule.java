package org.medprep.core.segment;

import java.util.List;

import org.medprep.core.Labelled;
import org.medprep.core.Planes;
import org.medprep.core.VoxelSelection;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * How the voxels a statistic is learnt from are found when no mask image is
 * given: the one {@code mask} vocabulary of every command.
 * <ul>
 * <li>{@link #ALL}: every voxel.</li>
 * <li>{@link #NON_ZERO}: voxels whose value is not exactly 0 (the usual
 * brain-extracted MR convention; negative values count).</li>
 * <li>{@link #POSITIVE}: voxels &gt; 0, intensity-normalization's rule for
 * skull-stripped images ({@code mask = image > 0}).</li>
 * <li>{@link #OTSU}: voxels above Otsu's threshold of all voxels (scikit-image's
 * {@code threshold_otsu}, see {@link ForegroundMask#otsuThreshold}), for images
 * whose background is not 0.</li>
 * </ul>
 */
public enum MaskRule implements Labelled {
	ALL("all voxels"), NON_ZERO("non-zero voxels"), POSITIVE("voxels > 0"), OTSU("Otsu threshold");

	private final String label;

	MaskRule(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	/** The labels Z-Score, Percentile Clip and K-Means Cluster recorded before the vocabularies were one. */
	@Override
	public List<String> oldSpellings() {
		switch (this) {
			case ALL: return List.of("All voxels");
			case NON_ZERO: return List.of("Non-zero voxels");
			default: return List.of();
		}
	}

	/** The voxels of {@code image} this rule selects. */
	public VoxelSelection select(final RandomAccessibleInterval<? extends RealType<?>> image) {
		switch (this) {
			case ALL: return VoxelSelection.all();
			case NON_ZERO: return VoxelSelection.nonZero();
			case OTSU: return VoxelSelection.mask(above(image, ForegroundMask.otsuThreshold(image)));
			default: return VoxelSelection.mask(above(image, 0));
		}
	}

	/** The non-zero voxels of {@code mask}, which must have the image's size. */
	public static VoxelSelection within(final RandomAccessibleInterval<? extends RealType<?>> image,
		final RandomAccessibleInterval<? extends RealType<?>> mask)
	{
		Planes.requireSameSize(image, mask);
		return VoxelSelection.mask(mask);
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
}
