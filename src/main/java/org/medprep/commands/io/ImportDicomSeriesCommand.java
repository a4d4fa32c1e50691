package org.medprep.commands.io;

import ij.ImagePlus;

import java.io.File;
import java.io.UncheckedIOException;
import java.util.List;

import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.CommandProgress;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.core.Labels;
import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomMetadata;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesLoader;
import org.medprep.io.dicom.DicomSeriesVolume;
import org.medprep.io.dicom.SlicePlane;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Import DICOM Series", "folder=/data/knee plane=sagittal series_index=0")}:
 * one series of a DICOM folder as an image in physical units (HU for CT),
 * slices sorted along the slice normal, spacing from the positions, geometry
 * and warnings (tilt, gaps) in the image properties.
 */
@Plugin(type = Command.class, headless = true, menuPath = "File>Import>Import DICOM Series",
	description = "Open one series of a DICOM folder with its geometry and values (HU for CT); optionally only series in one plane.")
public class ImportDicomSeriesCommand extends FileCommand {

	@Parameter(label = "Folder", validater = "checkFolder", style = "directory",
		description = "A folder of DICOM files (searched recursively), or one multi-frame DICOM file.")
	private File folder;

	/** Refuses a missing input before any work. */
	private void checkFolder() {
		InputChecks.refuse(this, InputChecks.existing("DICOM folder", folder));
	}

	@ChoicesOf(PlaneFilter.class)
	@Parameter(label = "Plane", choices = { "all", "axial", "coronal", "sagittal", "oblique" },
		description = "Only series in this plane (by Image Orientation Patient), e.g. sagittal for knee MRI; all keeps every series.")
	private String plane = "all";

	@Parameter(label = "Plane tolerance (degrees)", min = "0", max = "90",
		description = "Largest angle between the slice normal and a patient axis for axial, coronal or sagittal; beyond it a series is oblique.")
	private double plane_tolerance = SlicePlane.DEFAULT_TOLERANCE_DEGREES;

	@Parameter(label = "Series index", min = "0",
		description = "Which series (after the plane filter), in order of series number: 0 is the first; with plane=all it is the Index column of DICOM Series Info.")
	private int series_index = 0;

	@Parameter(label = "Replace padding",
		description = "Replace pixels equal to the Pixel Padding Value (outside the scanned field of view) by the padding value below.")
	private boolean replace_padding = false;

	@Parameter(label = "Padding value", description = "The value padding pixels get when replace_padding is on, in output units (e.g. -1000 HU).")
	private double padding_value = -1000;

	@Parameter(type = ItemIO.OUTPUT, label = "Result")
	private ImagePlus result;

	@Override
	protected void execute() {
		if (!CommandOptions.isGiven(folder)) throw new IllegalArgumentException("no folder given");
		if (series_index < 0) throw new IllegalArgumentException("series_index must be 0 or more, got " + series_index);
		if (!(plane_tolerance >= 0) || plane_tolerance > 90)
			throw new IllegalArgumentException("plane_tolerance must be between 0 and 90 degrees, got " + plane_tolerance);
		DicomLoadOptions options = DicomLoadOptions.defaults().withPlaneTolerance(plane_tolerance);
		final SlicePlane kept = Labels.parse(PlaneFilter.class, plane, "plane").plane();
		if (kept != null) options = options.withPlaneFilter(kept);
		if (replace_padding) options = options.withPaddingReplacement(padding_value);
		final DicomLoadOptions chosen = options;
		final CommandProgress progress = progress();
		result = imageOf(Threads.call(getContext(), () -> load(chosen, progress), progress));
	}

	private DicomSeriesVolume load(final DicomLoadOptions options, final CommandProgress progress) {
		try {
			final List<DicomSeries> series = DicomFolder.select(DicomFolder.scan(folder.toPath(), progress), options);
			if (series_index >= series.size())
				throw new IllegalArgumentException("series_index " + series_index + " is too large: " + folder + " has " + series.size()
					+ (options.planeFilter().isPresent() ? " " + plane : "") + " series (0 to " + (series.size() - 1) + ")");
			return DicomSeriesLoader.load(series.get(series_index), options, progress);
		}
		catch (final DicomException e) {
			throw new UncheckedIOException(e.getMessage(), e);
		}
	}

	@SuppressWarnings("unchecked")
	static ImagePlus imageOf(final DicomSeriesVolume loaded) {
		// integer HU that fit in 16 bits become ImageJ's signed 16-bit form (ImagePlusVolumes), as ImageJ keeps a DICOM CT
		final Volume<?> v = loaded.volume();
		final String description = v.metadata().getOrDefault(DicomMetadata.SERIES_DESCRIPTION, "");
		final String title = description.isEmpty() ? "DICOM series " + v.metadata().getOrDefault(DicomMetadata.SERIES_NUMBER, "") : description;
		return ImagePlusVolumes.toImagePlus((Volume<? extends RealType<?>>) (Object) v, title, null);
	}
}
