package org.medprep.io.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomFolder;
import org.medprep.io.dicom.DicomFrame;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.DicomReadOptions;
import org.medprep.io.dicom.DicomSeriesLoader;

/** Bad compressed files end in one line naming the file and the problem; none allocates from its claims. */
class CompressedBadInputTest {

	/** The fuzzing finding: 1 KB, NumberOfFrames 2147483647, encapsulated; it used to end the JVM with OutOfMemoryError. */
	@Test
	void hugeNumberOfFramesIsRefusedBeforeAllocating() throws Exception {
		final Path f = CodecFixtures.get("bad/number_of_frames_max.dcm");
		assertTrue(Files.size(f) < 2048);
		final DicomFolder.Scan scan = DicomFolder.scan(f);
		assertEquals(0, scan.series().size());
		assertEquals(f, scan.skipped().get(0).file());
		final String reason = scan.skipped().get(0).reason();
		assertTrue(reason.startsWith("NumberOfFrames 2147483647 is more than the encapsulated pixel data can hold ("), reason);
		// a full parse holds the fragments in memory: the same check counts them
		final DicomFile full = DicomParser.read(Files.readAllBytes(f), "in-memory.dcm", DicomReadOptions.full());
		final DicomException e = assertThrows(DicomException.class, () -> DicomFrame.of(full));
		assertEquals("in-memory.dcm: NumberOfFrames 2147483647 is more than the encapsulated pixel data can hold (8 bytes, and each frame needs a fragment)",
			e.getMessage());
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
		"zero_length_fragment.dcm | the frame's compressed data is empty (zero-length fragments)",
		"zero_filled_fragment.dcm | not a JPEG-LS codestream (no SOI marker FFD8 at its start) (JPEG-LS Lossless Image Compression)",
		"truncated_codestream.dcm | JPEG-LS data ends in the middle of the scan (JPEG-LS Lossless Image Compression)",
	})
	void badFramesFailWhenLoaded(final String name, final String problem) throws Exception {
		final Path f = CodecFixtures.get("bad/" + name);
		final DicomException e = assertThrows(DicomException.class, () -> DicomSeriesLoader.load(DicomFolder.scan(f).series().get(0)));
		assertEquals(f + ": " + problem, e.getMessage());
		assertFalse(e.getMessage().contains("Exception"), e.getMessage());
	}

	@Test
	void moreFramesThanFragments() throws Exception {
		final Path f = CodecFixtures.get("bad/two_frames_one_fragment.dcm");
		final DicomFolder.Scan scan = DicomFolder.scan(f);
		assertEquals(0, scan.series().size());
		assertEquals(f, scan.skipped().get(0).file());
		final String reason = scan.skipped().get(0).reason(); // one plain line (the geometry check may speak first)
		assertTrue(!reason.isEmpty() && !reason.contains("Exception") && !reason.contains("\n"), reason);
	}

	/** Every cut of a compressed file and every single flipped byte in its codestream: a DicomException, never anything else. */
	@ParameterizedTest
	@CsvSource({ "jpegls_dcmtk/ct_int16/IM0002.dcm", "jpeg_sv1_dcmtk/ct_int16/IM0002.dcm", "rle_dcmtk/ct_int16/IM0002.dcm",
		"jpeg_extended_dcmtk/ct_12bit/IM0002.dcm", "jpeg_baseline_dcmtk/mr_8bit/IM0002.dcm", "j2k_gdcm/ct_int16/IM0002.dcm",
		"jpegls_near2_dcmtk/ct_12bit/IM0002.dcm" })
	void corruptedCodestreamsFailCleanly(final String fixture) throws Exception {
		final byte[] whole = Files.readAllBytes(CodecFixtures.get(fixture));
		final DicomFile good = DicomParser.read(whole, "x.dcm", DicomReadOptions.full());
		final byte[] frame = good.pixelData().get().fragments().get(1);
		final int start = indexOf(whole, frame);
		final java.util.Random rnd = new java.util.Random(13);
		int failed = 0;
		for (int trial = 0; trial < 60; trial++) {
			final byte[] b = whole.clone();
			final int at = start + rnd.nextInt(Math.min(frame.length, 400));
			b[at] = (byte) rnd.nextInt(256);
			try {
				final DicomFile f = DicomParser.read(b, "mutant.dcm", DicomReadOptions.full());
				final java.util.List<DicomFrame> frames = DicomFrame.of(f);
				DicomSeriesLoader.load(new org.medprep.io.dicom.DicomSeries(frames.get(0).seriesInstanceUid(), frames));
			}
			catch (final DicomException e) {
				failed++;
				assertTrue(e.getMessage().startsWith("mutant.dcm: "), e.getMessage());
			}
		}
		assertTrue(failed > 0 || fixture.startsWith("rle"), fixture + ": some mutations must be detected");
	}

	static int indexOf(final byte[] hay, final byte[] needle) {
		outer: for (int i = 0; i + needle.length <= hay.length; i++) {
			for (int j = 0; j < Math.min(needle.length, 16); j++)
				if (hay[i + j] != needle[j]) continue outer;
			return i;
		}
		throw new IllegalStateException("fragment not found");
	}
}
