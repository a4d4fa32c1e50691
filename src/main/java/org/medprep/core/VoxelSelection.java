package org.medprep.core;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;

/**
 * Which voxels a statistic is computed over: all of them, the non-zero ones
 * (the usual brain-extracted MR convention), or those where a mask image is
 * non-zero. Values are tested as they are, so a CT's non-zero voxels are the
 * ones whose HU is not exactly 0.
 */
public final class VoxelSelection {

	public enum Kind {
		ALL("All voxels"), NON_ZERO("Non-zero voxels"), MASK("Mask image");

		private final String label;

		Kind(final String label) { this.label = label; }

		public String label() { return label; }
	}

	private static final VoxelSelection ALL = new VoxelSelection(Kind.ALL, null);
	private static final VoxelSelection NON_ZERO = new VoxelSelection(Kind.NON_ZERO, null);

	private final Kind kind;
	private final RandomAccessibleInterval<? extends RealType<?>> mask;

	private VoxelSelection(final Kind kind, final RandomAccessibleInterval<? extends RealType<?>> mask) {
		this.kind = kind;
		this.mask = mask;
	}

	public static VoxelSelection all() { return ALL; }
	public static VoxelSelection nonZero() { return NON_ZERO; }

	/** Voxels where {@code mask} is non-zero; the mask must have the image's size. */
	public static VoxelSelection mask(final RandomAccessibleInterval<? extends RealType<?>> mask) {
		if (mask == null) throw new IllegalArgumentException("mask image must not be null");
		return new VoxelSelection(Kind.MASK, mask);
	}

	public Kind kind() { return kind; }

	/** The mask image, or null unless this is a mask selection. */
	public RandomAccessibleInterval<? extends RealType<?>> maskImage() { return mask; }

	/** Whether voxel {@code i} of a plane is selected, given its value and the mask plane (null unless MASK). */
	public boolean test(final double value, final double[] maskPlane, final int i) {
		switch (kind) {
			case ALL: return true;
			case NON_ZERO: return value != 0;
			default: return maskPlane[i] != 0;
		}
	}

	/** Describes the selection for error messages. */
	public String describe() {
		return kind == Kind.MASK ? "the mask" : kind.label().toLowerCase();
	}

	@Override
	public String toString() { return kind.label(); }
}
