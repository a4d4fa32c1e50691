package org.medprep.io.dicom.label;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;

/**
 * An RT Structure Set (PS3.3 C.8.8.5/C.8.8.6): its ROIs in the order of the
 * Structure Set ROI Sequence, each with its contours in patient coordinates
 * (LPS, mm), and the series and frames of reference it refers to.
 */
public final class RtStruct {

	/** One contour: its geometric type (CLOSED_PLANAR, OPEN_PLANAR, POINT...) and its points x0 y0 z0 x1 y1 z1 ... (mm, LPS). */
	public static final class Contour {
		private final String type;
		private final double[] points;

		Contour(final String type, final double[] points) {
			this.type = type;
			this.points = points;
		}

		public String type() { return type; }
		public int pointCount() { return points.length / 3; }
		/** Copy of the coordinates, x y z per point. */
		public double[] points() { return points.clone(); }
		double[] pointsShared() { return points; }
	}

	/** One ROI: number, name, display colour ("#RRGGBB" or ""), frame of reference, contours. */
	public static final class Roi {
		private final int number;
		private final String name;
		private final String color;
		private final String frameOfReferenceUid;
		private final List<Contour> contours;

		Roi(final int number, final String name, final String color, final String frameOfReferenceUid, final List<Contour> contours) {
			this.number = number;
			this.name = name;
			this.color = color;
			this.frameOfReferenceUid = frameOfReferenceUid;
			this.contours = Collections.unmodifiableList(contours);
		}

		public int number() { return number; }
		public String name() { return name; }
		public String color() { return color; }
		public String frameOfReferenceUid() { return frameOfReferenceUid; }
		public List<Contour> contours() { return contours; }
	}

	private final String source;
	private final String label;
	private final Set<String> referencedSeries;
	private final Set<String> framesOfReference;
	private final List<Roi> rois;
	private final List<String> warnings;

	private RtStruct(final String source, final String label, final Set<String> referencedSeries, final Set<String> framesOfReference,
		final List<Roi> rois, final List<String> warnings)
	{
		this.source = source;
		this.label = label;
		this.referencedSeries = Collections.unmodifiableSet(referencedSeries);
		this.framesOfReference = Collections.unmodifiableSet(framesOfReference);
		this.rois = Collections.unmodifiableList(rois);
		this.warnings = Collections.unmodifiableList(warnings);
	}

	public String source() { return source; }
	/** Structure Set Label (3006,0002). */
	public String label() { return label; }
	/** Series Instance UIDs of the images the contours were drawn on (RT Referenced Series Sequence). */
	public Set<String> referencedSeries() { return referencedSeries; }
	/** Frames of reference of the ROIs (and of the Referenced Frame of Reference Sequence). */
	public Set<String> framesOfReference() { return framesOfReference; }
	public List<Roi> rois() { return rois; }
	/** What was odd in the file (contour data not matching its point count, contours of unknown ROIs...). */
	public List<String> warnings() { return warnings; }

	/**
	 * Reads the structure set of a parsed file.
	 *
	 * @throws DicomException naming the file when it is not an RTSTRUCT, has no
	 *           Structure Set ROI Sequence, or has unusable contour data
	 */
	public static RtStruct read(final DicomFile file) throws DicomException {
		final DicomDataset ds = file.dataset();
		final String src = file.source();
		final String sop = ds.getString(org.medprep.io.dicom.Tags.SOPClassUID, "");
		final String modality = ds.getString(org.medprep.io.dicom.Tags.Modality, "");
		if (!LabelTags.RTSTRUCT_SOP_CLASS.equals(sop) && !"RTSTRUCT".equals(modality))
			throw new DicomException(src + ": not an RT Structure Set (SOP class " + sop + ", modality " + modality + ")");
		if (!ds.contains(LabelTags.StructureSetROISequence))
			throw new DicomException(src + ": RT Structure Set without a Structure Set ROI Sequence (3006,0020)");
		final List<String> warnings = new ArrayList<>();
		final Set<String> series = new LinkedHashSet<>();
		final Set<String> frames = new LinkedHashSet<>();
		for (final DicomDataset f : ds.getItems(LabelTags.ReferencedFrameOfReferenceSequence)) {
			final String uid = f.getString(LabelTags.FrameOfReferenceUID, "");
			if (!uid.isEmpty()) frames.add(uid);
			for (final DicomDataset study : f.getItems(LabelTags.RTReferencedStudySequence))
				for (final DicomDataset s : study.getItems(LabelTags.RTReferencedSeriesSequence)) {
					final String uidS = s.getString(LabelTags.SeriesInstanceUID, "");
					if (!uidS.isEmpty()) series.add(uidS);
				}
		}
		final Map<Integer, List<Contour>> contours = new LinkedHashMap<>();
		final Map<Integer, String> colors = new LinkedHashMap<>();
		for (final DicomDataset rc : ds.getItems(LabelTags.ROIContourSequence)) {
			final int roi = rc.getInt(LabelTags.ReferencedROINumber, Integer.MIN_VALUE);
			if (roi == Integer.MIN_VALUE) {
				warnings.add("an ROI Contour Sequence item without Referenced ROI Number was ignored");
				continue;
			}
			colors.put(roi, color(rc.getDoubles(LabelTags.ROIDisplayColor)));
			final List<Contour> list = contours.computeIfAbsent(roi, k -> new ArrayList<>());
			int n = 0;
			for (final DicomDataset c : rc.getItems(LabelTags.ContourSequence)) {
				n++;
				final double[] p = c.getDoubles(LabelTags.ContourData);
				final String type = c.getString(LabelTags.ContourGeometricType, "").toUpperCase(Locale.ROOT);
				if (p.length % 3 != 0)
					throw new DicomException(src + ": contour " + n + " of ROI " + roi + " has " + p.length + " coordinates, not x\\y\\z triplets");
				for (final double v : p)
					if (!Double.isFinite(v)) throw new DicomException(src + ": contour " + n + " of ROI " + roi + " has a coordinate that is not a number");
				final int declared = c.getInt(LabelTags.NumberOfContourPoints, p.length / 3);
				if (declared != p.length / 3)
					warnings.add("contour " + n + " of ROI " + roi + " says " + declared + " points but has " + p.length / 3 + "; the points were used");
				list.add(new Contour(type, p));
			}
		}
		final List<Roi> rois = new ArrayList<>();
		final Set<Integer> numbers = new LinkedHashSet<>();
		for (final DicomDataset r : ds.getItems(LabelTags.StructureSetROISequence)) {
			final int number = r.getInt(LabelTags.ROINumber, Integer.MIN_VALUE);
			if (number == Integer.MIN_VALUE) throw new DicomException(src + ": a Structure Set ROI Sequence item has no ROI Number");
			if (!numbers.add(number)) throw new DicomException(src + ": ROI Number " + number + " is used twice");
			final String fr = r.getString(LabelTags.ReferencedFrameOfReferenceUID, "");
			if (!fr.isEmpty()) frames.add(fr);
			final List<Contour> c = contours.getOrDefault(number, Collections.emptyList());
			rois.add(new Roi(number, r.getString(LabelTags.ROIName, "ROI " + number), colors.getOrDefault(number, ""), fr, c));
		}
		for (final Integer roi : contours.keySet())
			if (!numbers.contains(roi)) warnings.add("contours of ROI " + roi + ", which the Structure Set ROI Sequence does not list, were ignored");
		return new RtStruct(src, ds.getString(LabelTags.StructureSetLabel, ""), series, frames, rois, warnings);
	}

	/** "#RRGGBB" from ROI Display Color (three integers 0-255), "" if absent or malformed. */
	static String color(final double[] rgb) {
		if (rgb.length != 3) return "";
		for (final double v : rgb)
			if (!(v >= 0 && v <= 255)) return "";
		return String.format(Locale.ROOT, "#%02X%02X%02X", (int) rgb[0], (int) rgb[1], (int) rgb[2]);
	}
}
