package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How fragments are assigned to frames, from the file and from memory. */
class EncapsulatedPixelDataTest {

	@TempDir
	Path tmp;

	private static Path fixture(final String relative) throws Exception {
		final URL url = EncapsulatedPixelDataTest.class.getResource("/org/medprep/io/dicom/codec/fixtures/" + relative);
		return Paths.get(url.toURI());
	}

	/** The four-frame JPEG-LS file with its Basic Offset Table's third entry changed. */
	private byte[] staleOffsetTable() throws Exception {
		final byte[] b = Files.readAllBytes(fixture("jpegls_dcmtk/ct_multiframe/MF0001.dcm"));
		final int bot = indexOf(b, new byte[] { (byte) 0xFE, (byte) 0xFF, 0, (byte) 0xE0, 16, 0, 0, 0, 0, 0, 0, 0 });
		b[bot + 8 + 8] ^= 0x10; // frame 3 now points into the middle of frame 2's fragment
		return b;
	}

	@Test
	void offsetTablePicksEachFramesFragments() throws Exception {
		final DicomFile f = DicomParser.readHeader(fixture("fragments/three-fragments-bot_jpegls_dcmtk/ct_multiframe/MF0001.dcm"));
		final EncapsulatedPixelData e = EncapsulatedPixelData.of(f, 4);
		assertEquals(4, e.frames());
		assertEquals(12, e.fragments());
		for (int k = 0; k < 4; k++) {
			final byte[] frame = e.frame(k);
			assertEquals(0xFF, frame[0] & 0xFF);
			assertEquals(0xD8, frame[1] & 0xFF, "each frame starts with its SOI");
		}
	}

	@Test
	void staleOffsetTableFallsBackToOneFragmentPerFrame() throws Exception {
		final Path p = tmp.resolve("stale.dcm");
		Files.write(p, staleOffsetTable());
		final DicomSeriesVolume stale = DicomSeriesLoader.load(DicomFolder.scan(p).series().get(0));
		final DicomSeriesVolume original = DicomSeriesLoader.load(DicomFolder.scan(fixture("original/ct_multiframe")).series().get(0));
		assertEquals(original.volume().geometry(), stale.volume().geometry());
		assertEquals(0, org.medprep.io.dicom.codec.CompressedSeriesTestSupport.countDifferent(original.stored(), stale.stored()));
	}

	@Test
	void inMemoryAndFileAgree() throws Exception {
		final Path p = fixture("fragments/three-fragments-no-bot_jpegls_dcmtk/ct_multiframe/MF0001.dcm");
		final EncapsulatedPixelData file = EncapsulatedPixelData.of(DicomParser.readHeader(p), 4);
		final EncapsulatedPixelData memory = EncapsulatedPixelData.of(DicomParser.read(Files.readAllBytes(p), "m.dcm", DicomReadOptions.full()), 4);
		for (int k = 0; k < 4; k++) assertTrue(java.util.Arrays.equals(file.frame(k), memory.frame(k)), "frame " + k);
	}

	@Test
	void rleNeedsOneFragmentPerFrame() throws Exception {
		final DicomFile f = DicomParser.readHeader(fixture("rle_dcmtk/ct_multiframe/MF0001.dcm"));
		final DicomException e = assertThrows(DicomException.class, () -> EncapsulatedPixelData.of(f, 2));
		assertTrue(e.getMessage().endsWith("RLE pixel data needs one fragment per frame, found 4 fragments for 2 frames"), e.getMessage());
		final List<DicomFrame> frames = DicomFrame.of(f);
		assertEquals(4, frames.size());
	}

	private static int indexOf(final byte[] hay, final byte[] needle) {
		outer: for (int i = 0; i + needle.length <= hay.length; i++) {
			for (int j = 0; j < needle.length; j++)
				if (hay[i + j] != needle[j]) continue outer;
			return i;
		}
		throw new IllegalStateException("not found");
	}
}
