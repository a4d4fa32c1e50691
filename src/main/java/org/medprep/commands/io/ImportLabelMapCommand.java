package org.medprep.commands.io;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.LabelMaps;
import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomMetadata;
import org.medprep.io.dicom.label.DicomLabelMap;
import org.medprep.io.dicom.label.LabelEntry;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import net.imglib2.type.numeric.RealType;

/**
 * The shape of "Import RTSTRUCT" and "Import DICOM SEG": an annotation file
 * and the image it annotates, named by title as macros name secondary images;
 * out comes a label map on that image's grid and the table of its labels. The
 * image must carry its DICOM geometry (as "Import DICOM Series" or a NIfTI
 * gives it); when it also carries its Series Instance UID, the annotation must
 * refer to that series.
 */
public abstract class ImportLabelMapCommand extends OpenImagesCommand {

	@Parameter(label = "File", style = "open",
		description = "The DICOM file to import: an RT Structure Set for Import RTSTRUCT, a Segmentation for Import DICOM SEG.")
	protected File file;

	@Parameter(label = "Image", initializer = "initImage", persist = false,
		description = "Title of the image the annotation was drawn on; the label map gets its grid.")
	protected String image = "";

	@Parameter(type = ItemIO.OUTPUT, label = "Label map")
	protected ImagePlus label_map;

	@Parameter(type = ItemIO.OUTPUT, label = "Labels")
	protected ResultsTable labels;

	protected void initImage() {
		final List<String> choices = new ArrayList<>();
		if (titles != null) choices.addAll(titles.titles());
		if (!choices.isEmpty()) getInfo().getMutableInput("image", String.class).setChoices(choices);
	}

	/** What the file holds, for titles and messages ("rtstruct", "seg"). */
	protected abstract String kind();

	/** Reads the file and makes the label map on the grid of {@code reference}. */
	protected abstract DicomLabelMap labelMap(Volume<? extends RealType<?>> reference) throws DicomException;

	@Override
	protected void execute() {
		// read and rasterized with the thread setting in effect, every parallel task a checkpoint for a stop request
		Threads.call(getContext(), () -> {
			importLabelMap();
			return null;
		}, progress);
	}

	private void importLabelMap() {
		if (!CommandOptions.isGiven(file)) throw new IllegalArgumentException("no file given");
		if (image == null || image.trim().isEmpty()) throw new IllegalArgumentException("no image given: name the image the annotation was drawn on");
		final ImagePlus ref = imageTitled(image);
		final Volume<? extends RealType<?>> reference = ImagePlusVolumes.toVolume(ref);
		final DicomLabelMap map;
		try {
			map = labelMap(reference);
		}
		catch (final DicomException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
		final String imageSeries = reference.metadata().getOrDefault(Volume.SERIES_UID, "");
		final Set<String> referenced = map.referencedSeries();
		if (!imageSeries.isEmpty() && !referenced.isEmpty() && !referenced.contains(imageSeries))
			throw new IllegalArgumentException(file + " annotates series " + String.join(", ", referenced) + ", but image '" + image
				+ "' is series " + imageSeries + "; name the image it was drawn on");
		final Volume<?> v = map.warnings().isEmpty() ? map.volume() : map.volume().withMetadata(DicomMetadata.WARNINGS, String.join("\n", map.warnings()));
		label_map = LabelMaps.mark(ImagePlusVolumes.toImagePlus(cast(v), VolumeCommand.baseTitle(ref.getTitle()) + "-" + kind(), null));
		labels = table(map);
		if (status != null) {
			status.showStatus(label_map.getTitle() + ": " + map.labels().size() + " labels"
				+ (map.warnings().isEmpty() ? "" : "; " + String.join("; ", map.warnings())));
		}
	}

	static ResultsTable table(final DicomLabelMap map) {
		final ResultsTable t = new ResultsTable();
		for (final LabelEntry e : map.labels()) {
			t.incrementCounter();
			t.addValue("label", e.label());
			t.addValue("name", e.name());
			t.addValue("number", e.number());
			t.addValue("color", e.color());
			t.addValue("voxels", e.voxels());
		}
		return t;
	}

	@SuppressWarnings("unchecked")
	private static Volume<? extends RealType<?>> cast(final Volume<?> v) {
		return (Volume<? extends RealType<?>>) (Object) v;
	}
}
