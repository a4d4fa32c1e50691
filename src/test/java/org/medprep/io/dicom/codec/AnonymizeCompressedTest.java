package org.medprep.io.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medprep.core.ProgressListener;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.DicomSeries;
import org.medprep.io.dicom.DicomSeriesLoader;
import org.medprep.io.dicom.DicomSeriesVolume;
import org.medprep.io.dicom.deid.DeidRun;

/** De-identified compressed files keep their transfer syntax and fragments, and decode to the same voxels. */
class AnonymizeCompressedTest {

	@ParameterizedTest
	@ValueSource(strings = { "jpegls_dcmtk/ct_int16", "jpeg_sv1_gdcm/mr_uint16", "rle_dcmtk/ct_multiframe", "j2k_gdcm/ct_12bit",
		"fragments/extended-offset-table_jpeg_sv1_dcmtk/ct_multiframe", "fragments/three-fragments-no-bot_jpegls_dcmtk/ct_multiframe" })
	void anonymizedFilesKeepTheirSyntaxAndPixels(final String folder, @TempDir final Path tmp) throws Exception {
		final Path in = CodecFixtures.get(folder);
		final Path out = tmp.resolve("out");
		final DeidRun.Report r = DeidRun.withStandardProfile(in, out, Collections.emptySet(), "a key", null, false, 1).run(ProgressListener.NONE);
		assertTrue(r.files().stream().allMatch(f -> !f.output().isEmpty()), r.files().toString());
		final List<Path> written;
		try (Stream<Path> s = Files.walk(out)) {
			written = s.filter(p -> p.toString().endsWith(".dcm")).sorted().collect(Collectors.toList());
		}
		final String syntax = DicomParser.readHeader(Files.list(in).findFirst().get()).transferSyntax().uid();
		for (final Path p : written) {
			final DicomFile f = DicomParser.read(p);
			assertEquals(syntax, f.transferSyntax().uid(), p.toString());
			assertTrue(f.pixelData().get().isEncapsulated(), p.toString());
		}
		final DicomSeriesVolume before = load(in);
		final DicomSeriesVolume after = load(out);
		assertNotEquals(before.series().uid(), after.series().uid(), "UIDs are replaced");
		assertEquals(before.volume().geometry(), after.volume().geometry());
		assertEquals(0, CompressedSeriesTest.countDifferent(before.stored(), after.stored()));
	}

	private static DicomSeriesVolume load(final Path folder) throws Exception {
		final List<DicomSeries> s = DicomFolder.scan(folder).series();
		assertEquals(1, s.size());
		return DicomSeriesLoader.load(s.get(0));
	}
}
