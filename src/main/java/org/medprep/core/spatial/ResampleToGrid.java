package org.medprep.core.spatial;

/**
 * Puts a volume onto another volume's grid (TorchIO's
 * {@code Resample(target=image)}): the output has the reference's size,
 * spacing, origin and direction, and each of its voxels reads the input at
 * the same physical point. Where the reference reaches beyond the input, the
 * sampling's boundary mode and fill value apply.
 */
public final class ResampleToGrid implements SpatialOperation {

	private final Grid reference;

	public ResampleToGrid(final Grid reference) {
		if (reference == null) throw new IllegalArgumentException("reference grid must not be null");
		this.reference = reference;
	}

	public Grid reference() { return reference; }

	@Override
	public SpatialPlan plan(final Grid source) {
		return SpatialPlan.of(source, reference, PhysicalAffine.identity());
	}

	@Override
	public String toString() {
		return "Resample to " + reference;
	}
}
