package org.medprep.io.fuzz;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.code_intelligence.jazzer.junit.FuzzTest;

import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomFrame;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.DicomReadOptions;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesLoader;

/**
 * Fuzz targets for the DICOM parser and the series loader (with every pixel
 * decoder behind it). A bad file may only end in a DicomException; any other
 * exception, an OutOfMemoryError or a hang is a finding. In a normal build the
 * seed corpus and the findings in {@code DicomFuzzTestInputs/} replay as
 * regression tests; {@code docs/fuzzing.md} says how to fuzz for real.
 */
class DicomFuzzTest {

	@FuzzTest(maxDuration = "10m")
	void parse(final byte[] data) {
		for (final DicomReadOptions options : new DicomReadOptions[] { DicomReadOptions.full(), DicomReadOptions.headerOnly() }) {
			try {
				final DicomFile f = DicomParser.read(data, "fuzz.dcm", options);
				if (f.pixelData().isPresent()) DicomFrame.of(f);
			}
			catch (final DicomException expected) {
				// a clean refusal
			}
		}
	}

	/** The whole path a folder scan takes for one file: header-only scan from disk, then loading and decoding its series. */
	@FuzzTest(maxDuration = "10m")
	void loadSeries(final byte[] data) throws Exception {
		final Path p = FuzzInputs.file(".dcm", data);
		try {
			final DicomFolder.Scan scan = DicomFolder.scan(p);
			for (final DicomSeries s : scan.series()) DicomSeriesLoader.load(s);
			// and from memory, where fragments and values are already read
			final DicomFile f = DicomParser.read(data, "fuzz.dcm", DicomReadOptions.full());
			if (f.pixelData().isPresent()) {
				final List<DicomFrame> frames = DicomFrame.of(f);
				DicomSeriesLoader.load(new DicomSeries(frames.get(0).seriesInstanceUid(), frames));
			}
		}
		catch (final DicomException expected) {
			// a clean refusal
		}
		finally {
			Files.deleteIfExists(p);
		}
	}
}
