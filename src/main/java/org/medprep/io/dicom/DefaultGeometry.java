package org.medprep.io.dicom;

import java.util.ArrayList;
import java.util.List;

/**
 * The geometry MedPrep assumes for a single image that does not say where it
 * is (secondary captures, projection radiographs, some MR): origin 0, rows
 * along +x (patient left) and columns along +y (posterior), the identity
 * direction of a NIfTI without orientation; the pixel spacing from Pixel
 * Spacing, else Imager Pixel Spacing (at the detector, not corrected for
 * magnification), else Nominal Scanned Pixel Spacing, else 1 mm. Such an
 * image loads as a one-slice volume with a warning that says so, instead of
 * being refused; its position in the patient is unknown.
 */
final class DefaultGeometry {

	static final double[] ORIENTATION = { 1, 0, 0, 0, 1, 0 };

	private static final int IMAGER_PIXEL_SPACING = 0x00181164;
	private static final int NOMINAL_SCANNED_PIXEL_SPACING = 0x00182010;

	private DefaultGeometry() {}

	/** Row then column spacing (mm), from the first of the spacing attributes the image has; 1\1 without any. */
	static double[] pixelSpacing(final DicomDataset ds) throws DicomException {
		for (final int tag : new int[] { Tags.PixelSpacing, IMAGER_PIXEL_SPACING, NOMINAL_SCANNED_PIXEL_SPACING }) {
			if (!ds.contains(tag)) continue;
			final double[] ps = ds.requireDoubles(tag, 2);
			if (!(ps[0] > 0) || !(ps[1] > 0))
				throw new DicomException(ds.source() + ": " + DicomDictionary.describe(tag) + " must be positive, got " + ps[0] + "\\" + ps[1]);
			return ps;
		}
		return new double[] { 1, 1 };
	}

	/** The warning for an image missing these attributes, or "" when it misses none. */
	static String describe(final boolean noPosition, final boolean noOrientation, final boolean noSpacing, final DicomDataset ds) {
		if (!noPosition && !noOrientation && !noSpacing) return "";
		final List<String> missing = new ArrayList<>();
		if (noPosition) missing.add("ImagePositionPatient (origin 0 assumed)");
		if (noOrientation) missing.add("ImageOrientationPatient (rows along x, columns along y assumed)");
		if (noSpacing) {
			final String from = ds.contains(IMAGER_PIXEL_SPACING) ? "ImagerPixelSpacing, at the detector"
				: ds.contains(NOMINAL_SCANNED_PIXEL_SPACING) ? "NominalScannedPixelSpacing" : "none given: 1 mm assumed";
			missing.add("PixelSpacing (" + from + ")");
		}
		return "the image does not say where it is: no " + String.join(", no ", missing)
			+ "; loaded as a one-slice volume with a default geometry";
	}
}
