package org.medprep.io.dicom.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import org.medprep.core.Volume;
import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.storage.CsvText;

/**
 * A label map made from an RTSTRUCT or a DICOM SEG on the grid of the image it
 * annotates: the integer volume (0 background, 1..N one per ROI or segment, in
 * the object's order), the table of labels, and what could not be used
 * (contours off the grid, open contours, segments without frames...).
 */
public final class DicomLabelMap {

	/** Header of the names file. */
	public static final String CSV_HEADER = "label,name,number,color,voxels";

	private final Volume<?> volume;
	private final List<LabelEntry> labels;
	private final List<String> warnings;
	private final Set<String> referencedSeries;

	DicomLabelMap(final Volume<?> volume, final List<LabelEntry> labels, final List<String> warnings, final Set<String> referencedSeries) {
		this.volume = volume;
		this.labels = Collections.unmodifiableList(labels);
		this.warnings = Collections.unmodifiableList(warnings);
		this.referencedSeries = Collections.unmodifiableSet(referencedSeries);
	}

	/** Unsigned 8-bit (up to 255 labels) or 16-bit, on the reference image's geometry. */
	public Volume<?> volume() { return volume; }
	public List<LabelEntry> labels() { return labels; }
	public List<String> warnings() { return warnings; }
	/** Series Instance UIDs of the images the annotation says it was made on (empty when it names none). */
	public Set<String> referencedSeries() { return referencedSeries; }

	/** The names file: {@value #CSV_HEADER}, one row per label. */
	public String namesCsv() {
		final List<List<Object>> rows = new ArrayList<>();
		rows.add(List.of((Object[]) CSV_HEADER.split(",")));
		for (final LabelEntry e : labels) rows.add(Arrays.asList(e.label(), e.name(), e.number(), e.color(), e.voxels()));
		return CsvText.write(rows);
	}

	/** Writes {@link #namesCsv()} atomically (UTF-8). */
	public void writeNames(final Path csv) throws IOException {
		final byte[] bytes = namesCsv().getBytes(StandardCharsets.UTF_8);
		AtomicFiles.write(csv, out -> out.write(bytes));
	}
}
