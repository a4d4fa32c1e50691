package org.medprep.cli.batch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.medprep.core.ProgressListener;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFrame;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesLoader;
import org.medprep.io.dicom.DicomLoadOptions;
import org.medprep.io.dicom.DicomSeriesVolume;
import org.medprep.io.dicom.SeriesParts;

/** Loads the DICOM series of a case from its files alone, so a case can be read wherever it runs. */
public final class DicomCaseReader {

	private DicomCaseReader() {}

	/** @throws DicomException naming the file or series that cannot be read */
	public static DicomSeriesVolume read(final CaseRef c, final DicomLoadOptions options) throws DicomException {
		if (c.kind() != CaseRef.Kind.DICOM_SERIES) throw new IllegalArgumentException(c + " is not a DICOM series");
		final List<DicomFrame> frames = new ArrayList<>();
		for (final String f : c.files())
			for (final DicomFrame frame : DicomFrame.of(DicomParser.readHeader(Path.of(f))))
				if (frame.seriesInstanceUid().equals(c.seriesUid())) frames.add(frame);
		if (frames.isEmpty()) throw new DicomException(c + ": its files no longer hold the series");
		// split as the folder scan split it (a series it could not split is one part), and take this case's part
		List<DicomSeries> parts;
		try {
			parts = SeriesParts.of(c.seriesUid(), frames);
		}
		catch (final DicomException | RuntimeException e) {
			parts = java.util.Collections.singletonList(new DicomSeries(c.seriesUid(), frames));
		}
		for (final DicomSeries part : parts)
			if (part.part().equals(c.part())) return DicomSeriesLoader.load(part, options, ProgressListener.NONE);
		throw new DicomException(c + ": its files no longer hold part '" + c.part() + "' of the series");
	}
}
