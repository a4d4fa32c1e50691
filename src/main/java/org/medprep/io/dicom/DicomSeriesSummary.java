package org.medprep.io.dicom;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * One row of "DICOM Series Info": UID, modality, description, plane, size,
 * spacing and number of files, from a header-only scan (no pixels read). A
 * series that cannot be assembled (mixed sizes, duplicate positions...) still
 * gets a row, with the problem instead of size and spacing.
 */
public final class DicomSeriesSummary {

	private final DicomSeries series;
	private final SeriesLayout layout;
	private final String problem;
	private final PlaneClassification plane;

	private final SeriesVolumes volumes;

	private DicomSeriesSummary(final DicomSeries series, final SeriesLayout layout, final String problem, final PlaneClassification plane,
		final SeriesVolumes volumes)
	{
		this.volumes = volumes;
		this.series = series;
		this.layout = layout;
		this.problem = problem;
		this.plane = plane;
	}

	public static DicomSeriesSummary of(final DicomSeries series) {
		return of(series, SlicePlane.DEFAULT_TOLERANCE_DEGREES);
	}

	public static DicomSeriesSummary of(final DicomSeries series, final double planeToleranceDegrees) {
		final PlaneClassification plane;
		try {
			plane = SlicePlane.classify(series.frames().get(0).imageOrientationPatient(), planeToleranceDegrees);
		}
		catch (final IllegalArgumentException e) {
			return new DicomSeriesSummary(series, null, series.frames().get(0) + ": " + e.getMessage(), PlaneClassification.UNKNOWN, null);
		}
		try {
			final SeriesVolumes volumes = SeriesVolumes.of(series);
			return new DicomSeriesSummary(series, SeriesLayout.of(volumes.volumes().get(0), planeToleranceDegrees), null, plane, volumes);
		}
		catch (final DicomException e) {
			return new DicomSeriesSummary(series, null, e.getMessage(), plane, null);
		}
	}

	public String uid() { return series.uid(); }
	public String modality() { return series.modality(); }
	public String description() { return series.description(); }
	public int seriesNumber() { return series.seriesNumber(); }
	/** The plane; {@link PlaneClassification#UNKNOWN} when the orientation cannot be classified (then {@link #problem()} says why). */
	public PlaneClassification plane() { return plane; }
	public int numberOfFiles() { return series.numberOfFiles(); }
	/** Volumes at the same slice positions (time points, b-values): 1 for a 3D series, 0 if the series has a problem. */
	public int volumeCount() { return volumes == null ? 0 : volumes.volumes().size(); }
	/** Why the series cannot be loaded, if it cannot. */
	public Optional<String> problem() { return Optional.ofNullable(problem); }
	/** Columns, rows, slices; empty if the series has a problem. */
	public Optional<long[]> size() {
		return layout == null ? Optional.empty() : Optional.of(new long[] { layout.columns(), layout.rows(), layout.slices() });
	}
	/** Spacing x, y, z (mm), z from the slice positions; empty if the series has a problem. */
	public Optional<double[]> spacing() {
		return layout == null ? Optional.empty() : Optional.of(layout.geometry().spacing());
	}
	public List<String> warnings() { return layout == null ? Collections.emptyList() : layout.warnings(); }
	public Optional<SeriesLayout> layout() { return Optional.ofNullable(layout); }

	/** Column names of {@link #row()}, for "DICOM Series Info" tables and {@code medprep info}. */
	public static String[] columns() {
		return new String[] { "SeriesInstanceUID", "SeriesNumber", "Modality", "SeriesDescription", "Plane", "Size", "Spacing (mm)",
			"Files", "Notes" };
	}

	/** This series as table cells matching {@link #columns()}; Notes holds the problem or the warnings. */
	public String[] row() {
		final String size;
		final String spacing;
		if (layout != null) {
			final double[] s = layout.geometry().spacing();
			size = layout.columns() + "x" + layout.rows() + "x" + layout.slices() + (volumeCount() > 1 ? "x" + volumeCount() : "");
			spacing = SeriesLayout.fmt(s[0]) + "x" + SeriesLayout.fmt(s[1]) + "x" + SeriesLayout.fmt(s[2]);
		}
		else {
			size = "";
			spacing = "";
		}
		final List<String> notes = new java.util.ArrayList<>();
		if (problem != null) notes.add(problem);
		if (volumeCount() > 1) notes.add(volumeCount() + " volumes (" + volumes.kind().name().toLowerCase(java.util.Locale.ROOT) + ")");
		if (problem == null) notes.addAll(warnings());
		final String description = series.part().isEmpty() ? description() : description() + " [" + series.part() + "]";
		return new String[] { uid(), Integer.toString(seriesNumber()), modality(), description, plane.describe(), size, spacing,
			Integer.toString(numberOfFiles()), String.join("; ", notes) };
	}

	@Override
	public String toString() {
		final StringBuilder b = new StringBuilder();
		b.append(uid()).append('\t').append(modality()).append('\t').append(description()).append('\t').append(plane.describe()).append('\t');
		if (layout != null) {
			final double[] s = layout.geometry().spacing();
			b.append(layout.columns()).append('x').append(layout.rows()).append('x').append(layout.slices()).append('\t')
				.append(SeriesLayout.fmt(s[0])).append('x').append(SeriesLayout.fmt(s[1])).append('x').append(SeriesLayout.fmt(s[2]));
		}
		else b.append(problem).append('\t');
		return b.append('\t').append(numberOfFiles()).toString();
	}
}
