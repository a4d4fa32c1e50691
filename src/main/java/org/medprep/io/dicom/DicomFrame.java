package org.medprep.io.dicom;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One 2D image of a series: a single-frame file, or one frame of a multi-frame
 * file, with what the series loader needs (position, orientation, spacing,
 * rescale, padding, where the pixels are). Built from a header-only parse by
 * {@link #of(DicomFile)}.
 */
public final class DicomFrame {

	private final DicomFile file;
	private final int frameIndex;
	private final PixelFormat format;
	private final DicomElement pixelData;
	private final double[] position;
	private final double[] orientation;
	private final double[] pixelSpacing;
	private final double slope;
	private final double intercept;
	private final String rescaleType;
	private final Double paddingValue;
	private final Double paddingLimit;
	private final double sliceThickness;
	private final double spacingBetweenSlices;
	private final int instanceNumber;
	private final String seriesUid;
	/** Why the geometry is a default one (a single image without position or orientation), or "". */
	private final String defaultGeometry;

	private DicomFrame(final DicomFile file, final int frameIndex, final PixelFormat format, final DicomElement pixelData,
		final double[] position, final double[] orientation, final double[] pixelSpacing, final double slope, final double intercept,
		final String rescaleType, final Double paddingValue, final Double paddingLimit, final double sliceThickness,
		final double spacingBetweenSlices, final int instanceNumber, final String seriesUid, final String defaultGeometry)
	{
		this.defaultGeometry = defaultGeometry;
		this.file = file;
		this.frameIndex = frameIndex;
		this.format = format;
		this.pixelData = pixelData;
		this.position = position;
		this.orientation = orientation;
		this.pixelSpacing = pixelSpacing;
		this.slope = slope;
		this.intercept = intercept;
		this.rescaleType = rescaleType;
		this.paddingValue = paddingValue;
		this.paddingLimit = paddingLimit;
		this.sliceThickness = sliceThickness;
		this.spacingBetweenSlices = spacingBetweenSlices;
		this.instanceNumber = instanceNumber;
		this.seriesUid = seriesUid;
	}

	/**
	 * The frames of an image file: one, or NumberOfFrames for a multi-frame file
	 * (positions from the per-frame functional groups, else the shared ones, else
	 * the top level; Grid Frame Offset Vector for legacy multi-frame files).
	 *
	 * @throws DicomException naming the file: no pixel data, a missing or bad
	 *           geometry element, pixel data shorter than the frames need
	 */
	public static List<DicomFrame> of(final DicomFile file) throws DicomException {
		final DicomDataset ds = file.dataset();
		final String src = file.source();
		final DicomElement pixels = file.pixelData().orElseThrow(() -> new DicomException(src + ": has no pixel data (7FE0,0010); "
			+ "it is not an image (SOP class " + safe(ds, Tags.SOPClassUID) + ")"));
		final PixelFormat format = PixelFormat.of(ds, pixels.tag());
		PixelReader.checkFrameCount(file, pixels, format);
		if (!pixels.isEncapsulated() && !pixels.hasUndefinedLength() && !file.transferSyntax().isEncapsulated()) {
			final long need = format.frameBytes() * format.frames();
			if (pixels.length() < need)
				throw new DicomException(src + ": pixel data has " + pixels.length() + " bytes but " + format.frames() + " frame(s) of "
					+ format.describe() + " need " + need);
		}
		final String seriesUid = ds.requireString(Tags.SeriesInstanceUID);
		final int instance = ds.getInt(Tags.InstanceNumber, 0);
		final List<DicomDataset> perFrame = ds.getItems(Tags.PerFrameFunctionalGroupsSequence);
		final List<DicomDataset> sharedItems = ds.getItems(Tags.SharedFunctionalGroupsSequence);
		final DicomDataset shared = sharedItems.isEmpty() ? null : sharedItems.get(0);
		final int n = format.frames();
		if (!perFrame.isEmpty() && perFrame.size() != n)
			throw new DicomException(src + ": " + perFrame.size() + " per-frame functional group items for " + n + " frames");
		final double[] gridOffsets = ds.getDoubles(Tags.GridFrameOffsetVector);
		final List<DicomFrame> frames = new ArrayList<>(); // not sized by NumberOfFrames: the items checked above back each frame
		for (int f = 0; f < n; f++) {
			final DicomDataset pf = perFrame.isEmpty() ? null : perFrame.get(f);
			final DicomDataset posDs = find(pf, shared, ds, Tags.PlanePositionSequence, Tags.ImagePositionPatient);
			final DicomDataset oriDs = find(pf, shared, ds, Tags.PlaneOrientationSequence, Tags.ImageOrientationPatient);
			final DicomDataset pmDs = find(pf, shared, ds, Tags.PixelMeasuresSequence, Tags.PixelSpacing);
			final DicomDataset rsDs = find(pf, shared, ds, Tags.PixelValueTransformationSequence, Tags.RescaleSlope);
			final DicomDataset riDs = find(pf, shared, ds, Tags.PixelValueTransformationSequence, Tags.RescaleIntercept);
			// a single image without position or orientation (secondary capture, projection X-ray, some MR) gets a default
			final boolean single = n == 1 && perFrame.isEmpty();
			final String defaults = single ? DefaultGeometry.describe(posDs == null, oriDs == null, pmDs == null, ds) : "";
			final double[] ipp = posDs == null && single ? new double[3]
				: where(posDs, src).requireDoubles(Tags.ImagePositionPatient, 3).clone();
			final double[] iop = oriDs == null && single ? DefaultGeometry.ORIENTATION.clone()
				: where(oriDs, src).requireDoubles(Tags.ImageOrientationPatient, 6);
			final double[] ps = pmDs == null && single ? DefaultGeometry.pixelSpacing(ds) : where(pmDs, src).requireDoubles(Tags.PixelSpacing, 2);
			if (!(ps[0] > 0) || !(ps[1] > 0)) throw new DicomException(src + ": PixelSpacing must be positive, got " + ps[0] + "\\" + ps[1]);
			if (n > 1 && perFrame.isEmpty()) {
				// legacy multi-frame (e.g. RT dose, NM): one position, frames offset along the normal
				if (gridOffsets.length != n)
					throw new DicomException(src + ": multi-frame image with " + n + " frames has no per-frame positions "
						+ "(no Per-frame Functional Groups Sequence and no Grid Frame Offset Vector)");
				final double[] normal = SlicePlane.normal(iop);
				for (int d = 0; d < 3; d++) ipp[d] += gridOffsets[f] * normal[d];
			}
			final double slope = rsDs == null ? 1 : rsDs.getDouble(Tags.RescaleSlope, 1);
			final double intercept = riDs == null ? 0 : riDs.getDouble(Tags.RescaleIntercept, 0);
			if (!Double.isFinite(slope) || slope == 0 || !Double.isFinite(intercept))
				throw new DicomException(src + ": unusable rescale slope " + slope + " / intercept " + intercept);
			final DicomDataset rtDs = find(pf, shared, ds, Tags.PixelValueTransformationSequence, Tags.RescaleType);
			final String rescaleType = rtDs == null ? "" : rtDs.getString(Tags.RescaleType, "");
			final DicomDataset thDs = find(pf, shared, ds, Tags.PixelMeasuresSequence, Tags.SliceThickness);
			final double thickness = thDs == null ? Double.NaN : thDs.getDouble(Tags.SliceThickness, Double.NaN);
			final DicomDataset sbDs = find(pf, shared, ds, Tags.PixelMeasuresSequence, Tags.SpacingBetweenSlices);
			final double between = sbDs == null ? Double.NaN : sbDs.getDouble(Tags.SpacingBetweenSlices, Double.NaN);
			frames.add(new DicomFrame(file, f, format, pixels, ipp, iop, ps, slope, intercept, rescaleType,
				padding(ds, Tags.PixelPaddingValue, format), padding(ds, Tags.PixelPaddingRangeLimit, format), thickness, between,
				instance, seriesUid, defaults));
		}
		return frames;
	}

	/** Per-frame group, then shared group, then the top level (single-frame files). */
	private static DicomDataset find(final DicomDataset perFrame, final DicomDataset shared, final DicomDataset top, final int seqTag,
		final int tag)
	{
		for (final DicomDataset g : new DicomDataset[] { perFrame, shared }) {
			if (g == null) continue;
			for (final DicomDataset item : g.getItems(seqTag))
				if (item.contains(tag)) return item;
		}
		return top.contains(tag) ? top : null;
	}

	private static DicomDataset where(final DicomDataset ds, final String src) {
		return ds != null ? ds : new DicomDataset(src, Encoding.EXPLICIT_LITTLE, null);
	}

	/** US or SS by Pixel Representation, whatever VR the file (or the implicit VR dictionary) gave. */
	private static Double padding(final DicomDataset ds, final int tag, final PixelFormat format) throws DicomException {
		if (!ds.contains(tag) || format.kind() != PixelFormat.Kind.INTEGER) return null;
		final double[] v = ds.getDoubles(tag);
		if (v.length == 0) return null;
		double p = v[0];
		if (format.isSigned() && p >= 32768 && p < 65536) p -= 65536; // coded as US, meant as SS
		if (!format.isSigned() && p < 0) p += 65536;
		return p;
	}

	private static String safe(final DicomDataset ds, final int tag) {
		try {
			return ds.getString(tag, "unknown");
		}
		catch (final DicomException e) {
			return "unknown";
		}
	}

	public DicomFile file() { return file; }
	/** Path of the file (or its name for in-memory data). */
	public String source() { return file.source(); }
	public int frameIndex() { return frameIndex; }
	public PixelFormat format() { return format; }
	public DicomElement pixelData() { return pixelData; }
	public TransferSyntax transferSyntax() { return file.transferSyntax(); }
	public double[] imagePositionPatient() { return position.clone(); }
	public double[] imageOrientationPatient() { return orientation.clone(); }
	/** Row spacing (between rows, vertical) then column spacing, mm. */
	public double[] pixelSpacing() { return pixelSpacing.clone(); }
	public double rescaleSlope() { return slope; }
	public double rescaleIntercept() { return intercept; }
	public String rescaleType() { return rescaleType; }
	/** Pixel Padding Value as a stored value (sign per Pixel Representation), or null. */
	public Double pixelPaddingValue() { return paddingValue; }
	public Double pixelPaddingRangeLimit() { return paddingLimit; }
	/** Nominal slice thickness (mm), NaN if absent. Not used for the slice spacing. */
	public double sliceThickness() { return sliceThickness; }
	public double spacingBetweenSlices() { return spacingBetweenSlices; }
	public int instanceNumber() { return instanceNumber; }
	public String seriesInstanceUid() { return seriesUid; }
	/**
	 * For a single image that gives no Image Position or Orientation (Patient):
	 * what was assumed instead ({@link DefaultGeometry}); "" when the file has
	 * its geometry.
	 */
	public String defaultGeometry() { return defaultGeometry; }

	@Override
	public String toString() {
		return source() + (format.frames() > 1 ? " frame " + frameIndex : "");
	}
}
