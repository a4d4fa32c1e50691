package org.medprep.cli.batch;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One case of a batch as a small value that can travel (to a worker, into a
 * manifest): its name, which names its outputs and identifies it for seeds,
 * shards and resume; what it is (an image file, or one DICOM series); and the
 * files it is read from. Nothing is opened until the case runs.
 */
public final class CaseRef implements Serializable, Comparable<CaseRef> {

	private static final long serialVersionUID = 1L;

	public enum Kind { IMAGE_FILE, DICOM_SERIES }

	private final String name;
	private final Kind kind;
	private final String location;
	private final String seriesUid;
	private final String part;
	private final ArrayList<String> files;
	private final String description;

	private CaseRef(final String name, final Kind kind, final String location, final String seriesUid, final String part, final List<String> files,
		final String description)
	{
		if (name == null || name.isEmpty()) throw new IllegalArgumentException("a case needs a name");
		this.name = name;
		this.kind = kind;
		this.location = location;
		this.seriesUid = seriesUid;
		this.part = part;
		this.files = new ArrayList<>(files);
		this.description = description;
	}

	/** An image file (NIfTI, MetaImage, TIFF). */
	public static CaseRef imageFile(final String name, final String path) {
		return imageFile(name, path, Collections.emptyList());
	}

	/** An image file whose voxels are in other files too (the .img of a .hdr, the data file of a .mhd). */
	public static CaseRef imageFile(final String name, final String path, final List<String> dataFiles) {
		final List<String> files = new ArrayList<>();
		files.add(path);
		files.addAll(dataFiles);
		return new CaseRef(name, Kind.IMAGE_FILE, path, null, null, files, path);
	}

	/**
	 * A DICOM series, or one part of it (an echo: see the series parts of io.dicom).
	 *
	 * @param folder where it was found (for messages)
	 * @param part the part's label ("e2"), empty for a whole series
	 * @param description how messages name it: never patient data
	 */
	public static CaseRef dicomSeries(final String name, final String folder, final String seriesUid, final String part, final List<String> files,
		final String description)
	{
		if (files.isEmpty()) throw new IllegalArgumentException("DICOM series " + seriesUid + " has no files");
		return new CaseRef(name, Kind.DICOM_SERIES, folder, seriesUid, part, files, description);
	}

	/** Names the case's outputs; unique in a run; identifies it for seeds, shards and the manifest. */
	public String name() { return name; }
	public Kind kind() { return kind; }
	/** The image file, or the folder a DICOM series was found in. */
	public String location() { return location; }
	/** The Series Instance UID of a DICOM case, null for a file. */
	public String seriesUid() { return seriesUid; }
	/** The label of a DICOM series part ("e2"), empty for a whole series, null for a file. */
	public String part() { return part; }
	/** Every file the case is read from (one for an image file). */
	public List<String> files() { return Collections.unmodifiableList(files); }

	/** How messages name the case: the file, or "folder series 3 (CT, 120 files)". */
	@Override
	public String toString() {
		return description;
	}

	@Override
	public int compareTo(final CaseRef o) {
		return name.compareTo(o.name);
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof CaseRef)) return false;
		final CaseRef c = (CaseRef) o;
		return name.equals(c.name) && kind == c.kind && location.equals(c.location) && Objects.equals(seriesUid, c.seriesUid) && Objects.equals(part, c.part)
			&& files.equals(c.files);
	}

	@Override
	public int hashCode() {
		return Objects.hash(name, kind, location, seriesUid);
	}
}
