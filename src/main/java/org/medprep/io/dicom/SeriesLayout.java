package org.medprep.io.dicom;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.medprep.core.Geometry;

/**
 * The frames of a series in slice order, and the volume geometry they imply.
 * <p>
 * Frames are sorted by their position along the slice normal
 * {@code n = rowCosine x columnCosine}: {@code d = n . ImagePositionPatient}
 * (GDCM IPPSorter, nibabel, SPM), never by Instance Number or Slice Location.
 * The slice spacing comes from the positions ({@code (d_last - d_first)/(N-1)}),
 * never from Slice Thickness. The geometry (LPS) has the origin at the first
 * sorted frame's position and direction columns row cosine, column cosine, n,
 * so voxel (i, j, k) is at {@code IPP_0 + i*dx*row + j*dy*col + k*dz*n}.
 * Gantry tilt, uneven spacing and gaps are reported as warnings.
 */
public final class SeriesLayout {

	/** Directions and spacings equal within this (cosines, relative mm). */
	private static final double COSINE_TOLERANCE = 1e-4;
	/** Positions closer than this along the normal (mm) are the same slice. */
	private static final double DUPLICATE_TOLERANCE = 1e-3;
	/** Tilt below this (degrees) is rounding noise of DS strings. */
	private static final double TILT_TOLERANCE_DEGREES = 0.05;

	private final List<DicomFrame> sorted;
	private final double[] distances;
	private final Geometry geometry;
	private final PlaneClassification plane;
	private final List<String> warnings;

	private SeriesLayout(final List<DicomFrame> sorted, final double[] distances, final Geometry geometry,
		final PlaneClassification plane, final List<String> warnings)
	{
		this.sorted = sorted;
		this.distances = distances;
		this.geometry = geometry;
		this.plane = plane;
		this.warnings = warnings;
	}

	public static SeriesLayout of(final DicomSeries series) throws DicomException {
		return of(series, SlicePlane.DEFAULT_TOLERANCE_DEGREES);
	}

	/**
	 * @throws DicomException naming the series and files when frames differ in
	 *           size, pixel layout, orientation or pixel spacing, or share a position
	 */
	public static SeriesLayout of(final DicomSeries series, final double planeToleranceDegrees) throws DicomException {
		final List<DicomFrame> frames = series.frames();
		final DicomFrame first = frames.get(0);
		final String what = "series " + series.uid();
		final List<String> warnings = new ArrayList<>();
		for (final DicomFrame f : frames) {
			if (!f.format().sameLayout(first.format()))
				throw new DicomException(what + " mixes image sizes or pixel formats: " + first + " is " + first.format().describe()
					+ ", " + f + " is " + f.format().describe() + "; load them as separate series");
			if (!close(f.imageOrientationPatient(), first.imageOrientationPatient(), COSINE_TOLERANCE))
				throw new DicomException(what + " mixes orientations: " + first + " has ImageOrientationPatient "
					+ Arrays.toString(first.imageOrientationPatient()) + ", " + f + " has " + Arrays.toString(f.imageOrientationPatient()));
			if (!close(f.pixelSpacing(), first.pixelSpacing(), COSINE_TOLERANCE * Math.max(1, first.pixelSpacing()[0])))
				throw new DicomException(what + " mixes pixel spacings: " + first + " has " + Arrays.toString(first.pixelSpacing()) + ", " + f
					+ " has " + Arrays.toString(f.pixelSpacing()));
		}
		if (!first.defaultGeometry().isEmpty()) warnings.add(first + ": " + first.defaultGeometry());
		final double[][] axes = orthonormalAxes(first.imageOrientationPatient(), first.source(), warnings);
		final double[] normal = axes[2];
		final List<DicomFrame> sorted = new ArrayList<>(frames);
		sorted.sort(Comparator.comparingDouble((DicomFrame f) -> dot(normal, f.imagePositionPatient()))
			.thenComparing(DicomFrame::source).thenComparingInt(DicomFrame::frameIndex));
		final int n = sorted.size();
		final double[] d = new double[n];
		for (int k = 0; k < n; k++) d[k] = dot(normal, sorted.get(k).imagePositionPatient());
		for (int k = 1; k < n; k++)
			if (d[k] - d[k - 1] < DUPLICATE_TOLERANCE)
				throw new DicomException(what + " has two frames at the same position along the slice normal (" + fmt(d[k]) + " mm): "
					+ sorted.get(k - 1) + " and " + sorted.get(k) + "; a 4D, multi-echo or duplicated series must be split first");

		final double spacingZ;
		if (n == 1) {
			final double sb = first.spacingBetweenSlices();
			final double th = first.sliceThickness();
			spacingZ = sb > 0 ? sb : th > 0 ? th : 1.0;
			warnings.add("single slice: slice spacing " + fmt(spacingZ) + " mm taken from "
				+ (sb > 0 ? "SpacingBetweenSlices" : th > 0 ? "SliceThickness" : "nothing (default 1 mm)"));
		}
		else {
			spacingZ = (d[n - 1] - d[0]) / (n - 1);
			checkSpacing(d, warnings);
			checkTilt(sorted, normal, warnings);
		}
		final double[] ps = first.pixelSpacing();
		final double[][] dir = new double[3][3];
		for (int r = 0; r < 3; r++)
			for (int c = 0; c < 3; c++) dir[r][c] = axes[c][r];
		final Geometry geometry;
		try {
			geometry = Geometry.of(new double[] { ps[1], ps[0], spacingZ }, sorted.get(0).imagePositionPatient(), dir);
		}
		catch (final IllegalArgumentException e) {
			throw new DicomException(what + ": unusable geometry: " + e.getMessage(), e);
		}
		final PlaneClassification plane = SlicePlane.classify(first.imageOrientationPatient(), planeToleranceDegrees);
		return new SeriesLayout(Collections.unmodifiableList(sorted), d, geometry, plane, Collections.unmodifiableList(warnings));
	}

	private static void checkSpacing(final double[] d, final List<String> warnings) {
		final int n = d.length;
		final double[] gaps = new double[n - 1];
		for (int k = 1; k < n; k++) gaps[k - 1] = d[k] - d[k - 1];
		final double[] s = gaps.clone();
		Arrays.sort(s);
		final double median = s[s.length / 2];
		final double tolerance = 1e-3 + 0.01 * median;
		int uneven = 0;
		final StringBuilder missing = new StringBuilder();
		for (int k = 0; k < gaps.length; k++) {
			if (Math.abs(gaps[k] - median) > tolerance) uneven++;
			if (gaps[k] > 1.5 * median) {
				final long count = Math.round(gaps[k] / median) - 1;
				missing.append(missing.length() == 0 ? "" : "; ").append("gap of ").append(fmt(gaps[k])).append(" mm after slice ").append(k)
					.append(" (about ").append(Math.max(1, count)).append(" missing)");
			}
		}
		if (missing.length() > 0) warnings.add("missing slices: " + missing + "; median spacing " + fmt(median) + " mm");
		if (uneven > 0)
			warnings.add(String.format(Locale.ROOT, "uneven slice spacing: %d of %d gaps differ from the median %s mm (range %s to %s mm); "
				+ "the volume uses the mean spacing %s mm", uneven, gaps.length, fmt(median), fmt(s[0]), fmt(s[s.length - 1]),
				fmt((d[n - 1] - d[0]) / (n - 1))));
	}

	/** Geometric tilt test (Gantry/Detector Tilt (0018,1120) may be stale): angle between IPP_last - IPP_0 and the normal. */
	private static void checkTilt(final List<DicomFrame> sorted, final double[] normal, final List<String> warnings) {
		final double[] a = sorted.get(0).imagePositionPatient();
		final double[] b = sorted.get(sorted.size() - 1).imagePositionPatient();
		final double[] v = { b[0] - a[0], b[1] - a[1], b[2] - a[2] };
		final double len = Math.sqrt(dot(v, v));
		if (!(len > 0)) return;
		final double angle = Math.toDegrees(Math.acos(Math.min(1, Math.abs(dot(v, normal)) / len)));
		if (angle > TILT_TOLERANCE_DEGREES)
			warnings.add(String.format(Locale.ROOT, "gantry tilt: slices are sheared by %.2f degrees (positions do not run along the slice "
				+ "normal); the geometry stacks them along the normal with spacing measured along it, so positions away from the "
				+ "first slice are off: resample (e.g. dcm2niix's _Tilt output) for exact geometry", angle));
	}

	/** Unit row, unit column (made orthogonal to the row) and their cross product. */
	static double[][] orthonormalAxes(final double[] iop, final String source, final List<String> warnings) throws DicomException {
		final double[] row = { iop[0], iop[1], iop[2] };
		final double[] col = { iop[3], iop[4], iop[5] };
		final double rl = Math.sqrt(dot(row, row));
		final double cl = Math.sqrt(dot(col, col));
		if (!(rl > 1e-6) || !(cl > 1e-6))
			throw new DicomException(source + ": ImageOrientationPatient has a zero vector: " + Arrays.toString(iop));
		for (int i = 0; i < 3; i++) {
			row[i] /= rl;
			col[i] /= cl;
		}
		final double rc = dot(row, col);
		if (Math.abs(rc) > 0.1)
			throw new DicomException(source + ": ImageOrientationPatient row and column are not perpendicular (cos = " + fmt(rc) + ")");
		if (Math.abs(rl - 1) > 1e-3 || Math.abs(cl - 1) > 1e-3 || Math.abs(rc) > 1e-3)
			warnings.add("ImageOrientationPatient " + Arrays.toString(iop) + " is not orthonormal; normalised");
		for (int i = 0; i < 3; i++) col[i] -= rc * row[i];
		final double cl2 = Math.sqrt(dot(col, col));
		for (int i = 0; i < 3; i++) col[i] /= cl2;
		final double[] n = {
			row[1] * col[2] - row[2] * col[1],
			row[2] * col[0] - row[0] * col[2],
			row[0] * col[1] - row[1] * col[0] };
		return new double[][] { row, col, n };
	}

	static double dot(final double[] a, final double[] b) {
		return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
	}

	private static boolean close(final double[] a, final double[] b, final double tol) {
		for (int i = 0; i < a.length; i++)
			if (Math.abs(a[i] - b[i]) > tol) return false;
		return true;
	}

	static String fmt(final double v) {
		if (!Double.isFinite(v)) return Double.toString(v);
		return new java.math.BigDecimal(String.format(Locale.ROOT, "%.4g", v)).stripTrailingZeros().toPlainString();
	}

	/** Frames in slice order (ascending position along the normal). */
	public List<DicomFrame> sortedFrames() { return sorted; }
	/** Position of each sorted frame along the normal (mm). */
	public double[] positionsAlongNormal() { return distances.clone(); }
	public Geometry geometry() { return geometry; }
	public PlaneClassification plane() { return plane; }
	public List<String> warnings() { return warnings; }
	public int columns() { return sorted.get(0).format().columns(); }
	public int rows() { return sorted.get(0).format().rows(); }
	public int slices() { return sorted.size(); }
}
