package org.medprep.io.dicom;

import java.util.Arrays;

import org.medprep.core.Geometry;

/**
 * Refuses a frame whose geometry cannot describe a scan, when the folder is
 * scanned, so that one such file is skipped with its reason and never stops
 * the series beside it: orientation vectors that are zero, not finite,
 * parallel or far from perpendicular; a pixel spacing or position outside
 * what {@link Geometry} accepts (e.g. PixelSpacing 1e308, which NIfTI would
 * store as inf).
 */
final class FrameGeometryCheck {

	/** Row and column cosines further from perpendicular than this (|cos|) are not an image plane (as SeriesLayout). */
	private static final double MAX_ROW_COLUMN_COSINE = 0.1;

	private FrameGeometryCheck() {}

	/** @throws DicomException naming the file and the value */
	static void check(final DicomFrame frame) throws DicomException {
		final String src = frame.toString();
		final double[] iop = frame.imageOrientationPatient();
		for (final double v : iop)
			if (!Double.isFinite(v)) throw new DicomException(src + ": ImageOrientationPatient has a value that is not a number: " + Arrays.toString(iop));
		final double rl = Math.sqrt(iop[0] * iop[0] + iop[1] * iop[1] + iop[2] * iop[2]);
		final double cl = Math.sqrt(iop[3] * iop[3] + iop[4] * iop[4] + iop[5] * iop[5]);
		if (!(rl > 1e-6) || !(cl > 1e-6))
			throw new DicomException(src + ": ImageOrientationPatient " + Arrays.toString(iop) + " has a zero row or column direction");
		final double cos = (iop[0] * iop[3] + iop[1] * iop[4] + iop[2] * iop[5]) / (rl * cl);
		if (Math.abs(cos) > MAX_ROW_COLUMN_COSINE)
			throw new DicomException(src + ": ImageOrientationPatient " + Arrays.toString(iop) + " has row and column directions that are not "
				+ "perpendicular (cos = " + SeriesLayout.fmt(cos) + ")");
		final double[] ps = frame.pixelSpacing();
		for (final double s : ps)
			if (!(s >= Geometry.MIN_SPACING_MM && s <= Geometry.MAX_SPACING_MM))
				throw new DicomException(src + ": PixelSpacing " + ps[0] + "\\" + ps[1] + " is not a plausible pixel size (" + Geometry.plain(Geometry.MIN_SPACING_MM)
					+ " to " + Geometry.plain(Geometry.MAX_SPACING_MM) + " mm)");
		final double[] ipp = frame.imagePositionPatient();
		for (final double p : ipp)
			if (!Double.isFinite(p) || Math.abs(p) > Geometry.MAX_COORDINATE_MM)
				throw new DicomException(src + ": ImagePositionPatient " + Arrays.toString(ipp) + " is not a plausible position (at most "
					+ Geometry.plain(Geometry.MAX_COORDINATE_MM) + " mm from the scanner's origin)");
	}
}
