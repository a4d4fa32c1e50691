package org.medprep.commands.io;

import org.medprep.core.Volume;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.label.DicomLabelMap;
import org.medprep.io.dicom.label.RtStruct;
import org.medprep.io.dicom.label.RtStructLabelMap;
import org.scijava.command.Command;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Import RTSTRUCT", "file=/data/rs.dcm image=[CT 3]")}: the ROIs of
 * an RT Structure Set as a label map on the image's grid (one label per ROI,
 * holes by the even-odd rule; see {@link RtStructLabelMap}).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Import>Import RTSTRUCT",
	description = "Rasterise the closed contours of an RT Structure Set onto the image they were drawn on: one label per ROI, holes by the even-odd rule, and a table of the labels.")
public class ImportRtStructCommand extends ImportLabelMapCommand {

	@Override
	protected String kind() {
		return "rtstruct";
	}

	@Override
	protected DicomLabelMap labelMap(final Volume<? extends RealType<?>> reference) throws DicomException {
		return RtStructLabelMap.of(RtStruct.read(DicomParser.read(file.toPath())), reference.geometry(), reference.dimensions());
	}
}
