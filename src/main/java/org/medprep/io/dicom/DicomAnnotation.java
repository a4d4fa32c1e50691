package org.medprep.io.dicom;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An annotation object found by a folder scan: an RT Structure Set (contours)
 * or a DICOM Segmentation (masks), with the series it annotates, so that the
 * annotation can be turned into a label map on that series' grid
 * ({@code org.medprep.io.dicom.label}).
 */
public final class DicomAnnotation {

	/** What the object holds. */
	public enum Kind {
		RTSTRUCT("1.2.840.10008.5.1.4.1.1.481.3", "rtstruct"), SEG("1.2.840.10008.5.1.4.1.1.66.4", "seg");

		private final String sopClass;
		private final String suffix;

		Kind(final String sopClass, final String suffix) {
			this.sopClass = sopClass;
			this.suffix = suffix;
		}

		public String sopClassUid() { return sopClass; }
		/** Lower-case name for output file names ("rtstruct", "seg"). */
		public String suffix() { return suffix; }

		/** The kind of a SOP Class UID, or null. */
		static Kind ofSopClass(final String uid) {
			for (final Kind k : values())
				if (k.sopClass.equals(uid)) return k;
			return null;
		}
	}

	private static final int REFERENCED_SERIES_SEQUENCE = 0x00081115;
	private static final int REFERENCED_FRAME_OF_REFERENCE_SEQUENCE = 0x30060010;
	private static final int RT_REFERENCED_STUDY_SEQUENCE = 0x30060012;
	private static final int RT_REFERENCED_SERIES_SEQUENCE = 0x30060014;
	private static final int STRUCTURE_SET_ROI_SEQUENCE = 0x30060020;
	private static final int REFERENCED_FRAME_OF_REFERENCE_UID = 0x30060024;

	private final Path file;
	private final Kind kind;
	private final String seriesUid;
	private final int seriesNumber;
	private final String description;
	private final Set<String> referencedSeries;
	private final Set<String> framesOfReference;

	private DicomAnnotation(final Path file, final Kind kind, final String seriesUid, final int seriesNumber, final String description,
		final Set<String> referencedSeries, final Set<String> framesOfReference)
	{
		this.file = file;
		this.kind = kind;
		this.seriesUid = seriesUid;
		this.seriesNumber = seriesNumber;
		this.description = description;
		this.referencedSeries = Collections.unmodifiableSet(referencedSeries);
		this.framesOfReference = Collections.unmodifiableSet(framesOfReference);
	}

	/** The annotation in a parsed file, or null when the file is not an RTSTRUCT or SEG. */
	static DicomAnnotation of(final Path path, final DicomFile file, final String sopClass) throws DicomException {
		final Kind kind = Kind.ofSopClass(sopClass);
		if (kind == null) return null;
		final DicomDataset ds = file.dataset();
		final Set<String> series = new LinkedHashSet<>();
		final Set<String> frames = new LinkedHashSet<>();
		if (kind == Kind.SEG) {
			for (final DicomDataset s : ds.getItems(REFERENCED_SERIES_SEQUENCE)) add(series, s.getString(Tags.SeriesInstanceUID, ""));
			add(frames, ds.getString(Tags.FrameOfReferenceUID, ""));
		}
		else {
			for (final DicomDataset f : ds.getItems(REFERENCED_FRAME_OF_REFERENCE_SEQUENCE)) {
				add(frames, f.getString(Tags.FrameOfReferenceUID, ""));
				for (final DicomDataset study : f.getItems(RT_REFERENCED_STUDY_SEQUENCE))
					for (final DicomDataset s : study.getItems(RT_REFERENCED_SERIES_SEQUENCE)) add(series, s.getString(Tags.SeriesInstanceUID, ""));
			}
			for (final DicomDataset r : ds.getItems(STRUCTURE_SET_ROI_SEQUENCE)) add(frames, r.getString(REFERENCED_FRAME_OF_REFERENCE_UID, ""));
		}
		return new DicomAnnotation(path, kind, ds.getString(Tags.SeriesInstanceUID, ""), ds.getInt(Tags.SeriesNumber, 0),
			ds.getString(Tags.SeriesDescription, ""), series, frames);
	}

	private static void add(final Set<String> set, final String uid) {
		if (!uid.isEmpty()) set.add(uid);
	}

	/** "RTSTRUCT /data/rs.dcm of series 1.2.3", as {@code medprep info} lists it. */
	public String describe() {
		return kind + " " + file + " of series " + annotatedSeries();
	}

	/** The UIDs of the series it names, ", "-separated, or "(none named)". */
	public String annotatedSeries() {
		return referencedSeries.isEmpty() ? "(none named)" : String.join(", ", referencedSeries);
	}

	public Path file() { return file; }
	public Kind kind() { return kind; }
	/** The annotation's own Series Instance UID. */
	public String seriesUid() { return seriesUid; }
	public int seriesNumber() { return seriesNumber; }
	public String description() { return description; }
	/** Series Instance UIDs of the images it annotates (may be empty in incomplete files). */
	public Set<String> referencedSeries() { return referencedSeries; }
	/** Frame of Reference UIDs it is defined in. */
	public Set<String> framesOfReference() { return framesOfReference; }

	/** Whether it annotates this series: by Series Instance UID, or, when it names none, by a shared frame of reference. */
	public boolean annotates(final DicomSeries series) throws DicomException {
		if (!referencedSeries.isEmpty()) return referencedSeries.contains(series.uid());
		final String fr = series.frames().get(0).file().dataset().getString(Tags.FrameOfReferenceUID, "");
		return !fr.isEmpty() && framesOfReference.contains(fr);
	}

	@Override
	public String toString() {
		return file + " (" + kind + ")";
	}
}
