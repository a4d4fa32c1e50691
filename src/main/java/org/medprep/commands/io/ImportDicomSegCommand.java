package org.medprep.commands.io;

import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.label.DicomLabelMap;
import org.medprep.io.dicom.label.Segmentation;
import org.medprep.io.dicom.label.SegmentationLabelMap;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Import DICOM SEG", "file=/data/seg.dcm image=[CT 3]")}: the
 * segments of a DICOM Segmentation as a label map on the image's grid (see
 * {@link SegmentationLabelMap}).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Import>Import DICOM SEG",
	description = "Put the segments of a DICOM Segmentation (binary, or fractional at half the maximum) onto the image they segment: one label per segment, and a table of the labels.")
public class ImportDicomSegCommand extends ImportLabelMapCommand {

	@Override
	protected String kind() {
		return "seg";
	}

	@Override
	protected DicomLabelMap labelMap(final Volume<? extends RealType<?>> reference) throws DicomException {
		return SegmentationLabelMap.of(Segmentation.read(DicomParser.read(file.toPath())), reference.geometry(), reference.dimensions());
	}
}
