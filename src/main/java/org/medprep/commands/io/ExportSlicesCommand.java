package org.medprep.commands.io;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Failures;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.slices.SliceAxis;
import org.medprep.core.slices.SliceSelection;
import org.medprep.io.slices.SliceExporter;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * {@code run("Export 2D Slices", "folder=/out/slices axis=[axial (z)] from_percent=20 to_percent=80 min_foreground=0.05")}:
 * the step that feeds 2D networks. One TIFF per slice (values as the image
 * shows them, HU for CT; pixel size kept), a table of what was written.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Export>Export 2D Slices",
	description = "Write one TIFF per slice across an axis, within a range of the axis in percent, skipping slices with too little foreground.")
public class ExportSlicesCommand extends ContextCommand {

	@Parameter(label = "Image", persist = false, validater = "checkImage", description = "The volume to slice (the active image in ImageJ).")
	private ImagePlus image;

	/** Refuses an empty image (what Fiji passes when none is open) before any work. */
	private void checkImage() {
		InputChecks.refuse(this, InputChecks.image(image));
	}

	@Parameter(label = "Output folder", validater = "checkFolder", style = "directory", description = "Existing folder for the TIFF files.")
	private File folder;

	/** Refuses a run with nowhere to write, before any work. */
	private void checkFolder() {
		InputChecks.refuse(this, InputChecks.given("output folder", folder));
	}

	@ChoicesOf(SliceAxis.class)
	@Parameter(label = "Axis", choices = { "axial (z)", "coronal (y)", "sagittal (x)" }, description = "Slices are cut across this axis.")
	private String axis = SliceAxis.AXIAL.label();

	@Parameter(label = "From (%)", min = "0", max = "100", description = "Start of the kept range along the axis, in percent (first slice: int(n * from / 100)).")
	private double from_percent = 0;

	@Parameter(label = "To (%)", min = "0", max = "100", description = "End of the kept range, in percent (exclusive: int(n * to / 100)); 20 to 80 keeps the middle 60 %.")
	private double to_percent = 100;

	@Parameter(label = "Minimum foreground", min = "0", max = "1",
		description = "Skip slices whose fraction of voxels above the background value is smaller (0 keeps every slice).")
	private double min_foreground = 0;

	@Parameter(label = "Background value", description = "Voxels above it are foreground (0 for MR; e.g. -500 HU for CT).")
	private double background = 0;

	@Parameter(label = "File name prefix", required = false, description = "Files are <prefix>_<axis><index>.tif; empty: the image title.")
	private String prefix = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Slices")
	private ResultsTable slices;

	@Override
	public void run() {
		Failures.run(this, this::execute); // a bad input cancels with one line
	}

	private void execute() {
		if (!CommandOptions.isGiven(folder)) throw new IllegalArgumentException("no output folder given");
		final SliceSelection selection = new SliceSelection(from_percent, to_percent, min_foreground);
		final String name = prefix == null || prefix.trim().isEmpty() ? baseName(image.getTitle()) : prefix.trim();
		final List<SliceExporter.Slice> written;
		try {
			written = SliceExporter.export(ImagePlusVolumes.toVolume(image), SliceAxis.fromLabel(axis), selection, background, folder.toPath(), name);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
		slices = new ResultsTable();
		for (final SliceExporter.Slice s : written) {
			slices.incrementCounter();
			slices.addValue("slice", s.index);
			slices.addValue("foreground", s.foregroundFraction);
			slices.addValue("file", s.file.getFileName().toString());
		}
	}

	private static String baseName(final String title) {
		String t = title;
		for (final String ext : new String[] { ".nii.gz", ".nii", ".mha", ".mhd", ".tif", ".tiff", ".hdr" })
			if (t.toLowerCase().endsWith(ext)) t = t.substring(0, t.length() - ext.length());
		return t.replaceAll("[^A-Za-z0-9._-]", "_");
	}
}
