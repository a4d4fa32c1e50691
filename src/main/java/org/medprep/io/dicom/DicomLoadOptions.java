package org.medprep.io.dicom;

import java.util.Optional;

/** Options of the series loader. Immutable; start from {@link #defaults()}. */
public final class DicomLoadOptions {

	private final SlicePlane planeFilter;
	private final double planeToleranceDegrees;
	private final Double paddingReplacement;

	private DicomLoadOptions(final SlicePlane planeFilter, final double planeToleranceDegrees, final Double paddingReplacement) {
		this.planeFilter = planeFilter;
		this.planeToleranceDegrees = planeToleranceDegrees;
		this.paddingReplacement = paddingReplacement;
	}

	/** All series, default plane tolerance, padding kept as it is (and reported in the metadata). */
	public static DicomLoadOptions defaults() {
		return new DicomLoadOptions(null, SlicePlane.DEFAULT_TOLERANCE_DEGREES, null);
	}

	/**
	 * Keep only series in this plane (e.g. the sagittal series of a knee MRI
	 * study); OBLIQUE keeps the oblique ones; null keeps all.
	 */
	public DicomLoadOptions withPlaneFilter(final SlicePlane plane) {
		return new DicomLoadOptions(plane, planeToleranceDegrees, paddingReplacement);
	}

	/** Largest angle (degrees) between slice normal and patient axis for a plain plane. */
	public DicomLoadOptions withPlaneTolerance(final double degrees) {
		if (!(degrees >= 0) || degrees > 90) throw new IllegalArgumentException("plane tolerance must be between 0 and 90 degrees, got " + degrees);
		return new DicomLoadOptions(planeFilter, degrees, paddingReplacement);
	}

	/**
	 * Replace pixels equal to the Pixel Padding Value (or within the padding
	 * range) by this value, in output units (e.g. -1000 HU); the volume is then float.
	 */
	public DicomLoadOptions withPaddingReplacement(final double value) {
		return new DicomLoadOptions(planeFilter, planeToleranceDegrees, value);
	}

	public Optional<SlicePlane> planeFilter() { return Optional.ofNullable(planeFilter); }
	public double planeToleranceDegrees() { return planeToleranceDegrees; }
	public Optional<Double> paddingReplacement() { return Optional.ofNullable(paddingReplacement); }
}
