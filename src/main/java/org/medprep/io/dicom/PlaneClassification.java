package org.medprep.io.dicom;

import java.util.Locale;

/** Result of {@link SlicePlane#classify}: the plane, the nearest plain plane and the angle (degrees) to it. */
public final class PlaneClassification {

	/** What a series gets whose orientation cannot be classified (zero or parallel vectors): oblique, angle NaN, described as "unknown". */
	public static final PlaneClassification UNKNOWN = new PlaneClassification(SlicePlane.OBLIQUE, SlicePlane.AXIAL, Double.NaN);

	private final SlicePlane plane;
	private final SlicePlane nearest;
	private final double angleDegrees;

	PlaneClassification(final SlicePlane plane, final SlicePlane nearest, final double angleDegrees) {
		this.plane = plane;
		this.nearest = nearest;
		this.angleDegrees = angleDegrees;
	}

	/** AXIAL, CORONAL, SAGITTAL, or OBLIQUE when the angle exceeds the tolerance. */
	public SlicePlane plane() { return plane; }
	/** The plain plane the slices are closest to (never OBLIQUE). */
	public SlicePlane nearestPlane() { return nearest; }
	/** Angle between the slice normal and the nearest patient axis, 0 to about 54.7 degrees. */
	public double angleDegrees() { return angleDegrees; }

	/** "axial", or "oblique (sagittal +23.4°)" style text for tables. */
	public String describe() {
		if (Double.isNaN(angleDegrees)) return "unknown";
		if (plane != SlicePlane.OBLIQUE) {
			return angleDegrees < 0.05 ? plane.label() : String.format(Locale.ROOT, "%s (%.1f°)", plane.label(), angleDegrees);
		}
		return String.format(Locale.ROOT, "oblique (%s %.1f°)", nearest.label(), angleDegrees);
	}

	@Override
	public String toString() {
		return describe();
	}
}
