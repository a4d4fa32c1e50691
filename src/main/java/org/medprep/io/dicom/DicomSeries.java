package org.medprep.io.dicom;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The frames found for one Series Instance UID (unsorted, as scanned), with
 * the descriptive fields of its first file. {@link SeriesLayout#of} sorts and
 * checks them; {@link DicomSeriesLoader} reads them.
 */
public final class DicomSeries {

	private final String uid;
	private final List<DicomFrame> frames;
	private final String modality;
	private final String description;
	private final int seriesNumber;
	private final String studyUid;
	private final String part;

	public DicomSeries(final String uid, final List<DicomFrame> frames) throws DicomException {
		this(uid, frames, "");
	}

	/**
	 * @param part which part of the series this is when a scan splits one
	 *          ({@link SeriesParts}: "e2" for the second echo, "i5" for image 5
	 *          of images without geometry), "" for a whole series
	 */
	public DicomSeries(final String uid, final List<DicomFrame> frames, final String part) throws DicomException {
		if (frames.isEmpty()) throw new IllegalArgumentException("series " + uid + " has no frames");
		this.uid = uid;
		this.part = part;
		this.frames = Collections.unmodifiableList(new ArrayList<>(frames));
		final DicomDataset first = frames.get(0).file().dataset();
		this.modality = first.getString(Tags.Modality, "");
		this.description = first.getString(Tags.SeriesDescription, "");
		this.seriesNumber = first.getInt(Tags.SeriesNumber, 0);
		this.studyUid = first.getString(Tags.StudyInstanceUID, "");
	}

	public String uid() { return uid; }
	public List<DicomFrame> frames() { return frames; }
	public String modality() { return modality; }
	public String description() { return description; }
	public int seriesNumber() { return seriesNumber; }
	public String studyUid() { return studyUid; }
	/** "" for a whole series; else the part of the series ("e2": echo 2; "i5": image 5 of single images without geometry). */
	public String part() { return part; }

	/** Number of distinct files holding the frames. */
	public int numberOfFiles() {
		final Set<String> files = new LinkedHashSet<>();
		for (final DicomFrame f : frames) files.add(f.source());
		return files.size();
	}

	@Override
	public String toString() {
		return "DicomSeries[" + uid + (part.isEmpty() ? "" : " " + part) + ", " + modality + ", '" + description + "', " + frames.size() + " frames]";
	}
}
