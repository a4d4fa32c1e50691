package org.medprep.commands.io;

import ij.measure.ResultsTable;

import java.io.File;
import java.io.UncheckedIOException;

import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.CommandProgress;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.io.dicom.DicomAnnotation;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesSummary;
import org.medprep.io.dicom.SlicePlane;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("DICOM Series Info", "folder=/data/study")}: a table of the series
 * in a folder (UID, number, modality, description, plane, size, spacing, files,
 * problems or warnings), from the headers only; the RT Structure Sets and
 * Segmentations found, the files that could not be read, and a one-line
 * summary, as {@code medprep info} shows them.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Import>DICOM Series Info",
	description = "List the series of a DICOM folder: UID, modality, description, plane, size, spacing and number of files; also its RTSTRUCTs and SEGs and the files that could not be read.")
public class DicomSeriesInfoCommand extends FileCommand {

	@Parameter(label = "Folder", validater = "checkFolder", style = "directory", description = "A folder of DICOM files (searched recursively), or one DICOM file.")
	private File folder;

	/** Refuses a missing input before any work. */
	private void checkFolder() {
		InputChecks.refuse(this, InputChecks.existing("DICOM folder", folder));
	}

	@Parameter(label = "Plane tolerance (degrees)", min = "0", max = "90",
		description = "Largest angle between the slice normal and a patient axis for axial, coronal or sagittal; beyond it a series is oblique.")
	private double plane_tolerance = SlicePlane.DEFAULT_TOLERANCE_DEGREES;

	@Parameter(type = ItemIO.OUTPUT, label = "Series")
	private ResultsTable table;

	@Parameter(type = ItemIO.OUTPUT, label = "Annotations", required = false)
	private ResultsTable annotations;

	@Parameter(type = ItemIO.OUTPUT, label = "Unreadable files", required = false)
	private ResultsTable unreadable;

	@Parameter(type = ItemIO.OUTPUT, label = "Summary")
	private String summary;

	@Override
	protected void execute() {
		if (!CommandOptions.isGiven(folder)) throw new IllegalArgumentException("no folder given");
		if (!(plane_tolerance >= 0) || plane_tolerance > 90)
			throw new IllegalArgumentException("plane_tolerance must be between 0 and 90 degrees, got " + plane_tolerance);
		// a large folder takes a while to scan: progress per file, and Esc or cancel stops it
		final CommandProgress progress = progress();
		final DicomFolder.Scan scan = Threads.call(getContext(), () -> {
			try {
				return DicomFolder.scan(folder.toPath(), progress);
			}
			catch (final DicomException e) {
				throw new UncheckedIOException(e.getMessage(), e);
			}
		}, progress);
		if (scan.series().isEmpty())
			throw new UncheckedIOException(new DicomException(folder + ": no DICOM image files found (" + scan.filesSeen() + " files, "
				+ scan.skipped().size() + " skipped)"));
		table = new ResultsTable();
		final String[] columns = DicomSeriesSummary.columns();
		int index = 0;
		for (final DicomSeries s : scan.series()) {
			final String[] row = DicomSeriesSummary.of(s, plane_tolerance).row();
			table.incrementCounter();
			table.addValue("Index", index++);
			for (int c = 0; c < columns.length; c++) table.addValue(columns[c], row[c]);
		}
		// tables only for what is there: an empty table in Fiji says nothing
		if (!scan.annotations().isEmpty()) {
			annotations = new ResultsTable();
			for (final DicomAnnotation a : scan.annotations()) {
				annotations.incrementCounter();
				annotations.addValue("Kind", a.kind().toString());
				annotations.addValue("File", a.file().toString());
				annotations.addValue("Annotated series", a.annotatedSeries());
			}
		}
		if (!scan.errors().isEmpty()) {
			unreadable = new ResultsTable();
			for (final DicomFolder.Skipped e : scan.errors()) {
				unreadable.incrementCounter();
				unreadable.addValue("File", e.file().toString());
				unreadable.addValue("Problem", e.reason());
			}
		}
		summary = scan.summary();
		if (status() != null) status().showStatus(label() + ": " + summary);
	}
}
