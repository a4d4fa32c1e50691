package org.medprep.io.dicom;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.Arrays;

/**
 * The anatomical plane of a slice, from Image Orientation (Patient). The slice
 * normal (row cosine x column cosine) is compared with the patient axes: along
 * L-R means sagittal, along A-P coronal, along S-I axial (the dominant-axis rule
 * of dcm2niix). A normal further than a tolerance from that axis is oblique;
 * {@link PlaneClassification} keeps the nearest plane and the angle either way.
 */
public enum SlicePlane implements Labelled {
	AXIAL("axial"), CORONAL("coronal"), SAGITTAL("sagittal"), OBLIQUE("oblique");

	/** Default largest angle (degrees) between the slice normal and a patient axis for a plain (non-oblique) plane. */
	public static final double DEFAULT_TOLERANCE_DEGREES = 10.0;

	private final String label;

	SlicePlane(final String label) {
		this.label = label;
	}

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(SlicePlane.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static SlicePlane fromLabel(final String label) {
		for (final SlicePlane p : values())
			if (p.label.equalsIgnoreCase(label == null ? "" : label.trim())) return p;
		throw new IllegalArgumentException("unknown slice plane '" + label + "', expected one of " + String.join(", ", labels()));
	}

	/** Classifies with the {@link #DEFAULT_TOLERANCE_DEGREES default tolerance}. */
	public static PlaneClassification classify(final double[] imageOrientationPatient) {
		return classify(imageOrientationPatient, DEFAULT_TOLERANCE_DEGREES);
	}

	/**
	 * @param imageOrientationPatient row cosine then column cosine (6 values, LPS)
	 * @param toleranceDegrees largest angle between the normal and the nearest axis for a plain plane
	 * @throws IllegalArgumentException if there are not 6 finite values or the two vectors are parallel or zero
	 */
	public static PlaneClassification classify(final double[] imageOrientationPatient, final double toleranceDegrees) {
		if (imageOrientationPatient == null || imageOrientationPatient.length != 6)
			throw new IllegalArgumentException("ImageOrientationPatient needs 6 values");
		if (!(toleranceDegrees >= 0) || toleranceDegrees > 90)
			throw new IllegalArgumentException("plane tolerance must be between 0 and 90 degrees, got " + toleranceDegrees);
		final double[] n = normal(imageOrientationPatient);
		int axis = 0;
		for (int d = 1; d < 3; d++)
			if (Math.abs(n[d]) > Math.abs(n[axis])) axis = d;
		final SlicePlane nearest = axis == 0 ? SAGITTAL : axis == 1 ? CORONAL : AXIAL;
		final double angle = Math.toDegrees(Math.acos(Math.min(1, Math.abs(n[axis]))));
		return new PlaneClassification(angle <= toleranceDegrees ? nearest : OBLIQUE, nearest, angle);
	}

	/** Unit slice normal row x column. */
	static double[] normal(final double[] iop) {
		for (final double v : iop)
			if (!Double.isFinite(v)) throw new IllegalArgumentException("ImageOrientationPatient has a non-finite value: " + Arrays.toString(iop));
		final double[] n = {
			iop[1] * iop[5] - iop[2] * iop[4],
			iop[2] * iop[3] - iop[0] * iop[5],
			iop[0] * iop[4] - iop[1] * iop[3] };
		final double len = Math.sqrt(n[0] * n[0] + n[1] * n[1] + n[2] * n[2]);
		if (!(len > 1e-6)) throw new IllegalArgumentException("ImageOrientationPatient row and column are parallel or zero: " + Arrays.toString(iop));
		for (int d = 0; d < 3; d++) n[d] /= len;
		return n;
	}
}
