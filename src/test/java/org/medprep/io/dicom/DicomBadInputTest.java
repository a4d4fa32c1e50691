package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input ends in a DicomException naming the file and the problem: no other exception, no OOM, no hang. */
class DicomBadInputTest {

	@TempDir
	Path tmp;

	private Path write(final String name, final byte[] bytes) throws Exception {
		final Path p = tmp.resolve(name);
		Files.write(p, bytes);
		return p;
	}

	/** Cut at every offset: either a clean DicomException naming the file, or (cut between elements) a parse without pixel data. */
	@ParameterizedTest
	@ValueSource(strings = { "ct_axial/IM0001.dcm", "ct_sagittal/IM0002.dcm", "ct_oblique_be/IM0001.dcm", "mr_deflated/IM0002.dcm",
		"sequences.dcm", "enhanced_ct.dcm", "jpeg_baseline.dcm", "bare_implicit.dcm" })
	void truncatedAtEveryOffset(final String fixture) throws Exception {
		final byte[] whole = Files.readAllBytes(Fixtures.get(fixture));
		final String p = "cut-" + fixture;
		int failures = 0;
		for (int cut = 0; cut < whole.length; cut++) {
			try {
				final DicomFile f = DicomParser.read(java.util.Arrays.copyOf(whole, cut), p, DicomReadOptions.full());
				// a cut exactly between two elements leaves a shorter but valid data set, never a partial pixel data value
				if (f.pixelData().isPresent()) {
					final DicomElement px = f.pixelData().get();
					assertTrue(px.isEncapsulated() || px.bytes().length == px.length(), "cut " + cut);
					// pixel data is the last element: having it all means the cut is in the padding after it (none here)
					fail(fixture + " cut at " + cut + " of " + whole.length + " parsed with complete pixel data");
				}
				final DicomException e = assertThrows(DicomException.class, () -> DicomFrame.of(f), "cut " + cut);
				assertTrue(e.getMessage().contains(p), e.getMessage());
			}
			catch (final DicomException e) {
				failures++;
				assertTrue(e.getMessage().startsWith(p + ": "), "cut " + cut + ": " + e.getMessage());
			}
		}
		assertTrue(failures > whole.length / 2, fixture + ": most cuts must fail, " + failures + " of " + whole.length + " did");
	}

	@Test
	void truncatedMessageSaysWhere() throws Exception {
		final byte[] whole = Files.readAllBytes(Fixtures.get("ct_sagittal/IM0001.dcm"));
		final Path p = write("short.dcm", java.util.Arrays.copyOf(whole, whole.length - 10));
		final DicomException e = assertThrows(DicomException.class, () -> DicomParser.read(p));
		assertTrue(e.getMessage().contains("(7FE0,0010) PixelData"), e.getMessage());
		assertTrue(e.getMessage().contains("exceeds the file"), e.getMessage());
		final DicomException header = assertThrows(DicomException.class, () -> DicomParser.readHeader(p));
		assertTrue(header.getMessage().contains("exceeds the file"), "header-only reading checks the pixel length too: " + header.getMessage());
	}

	@Test
	void wrongMagic() throws Exception {
		final byte[] b = Files.readAllBytes(Fixtures.get("ct_sagittal/IM0001.dcm"));
		b[131] = 'X';
		final Path p = write("magic.dcm", b);
		final DicomException e = assertThrows(NotDicomException.class, () -> DicomParser.read(p));
		assertEquals(p + ": not a DICOM file (no DICM marker at byte 128 and the first bytes are not a DICOM data set)", e.getMessage());
	}

	@Test
	void randomBytesAndTextAreNotDicom() throws Exception {
		final byte[] noise = new byte[5000];
		new Random(7).nextBytes(noise);
		final Path p = write("noise.bin", noise);
		assertThrows(NotDicomException.class, () -> DicomParser.read(p));
		final Path t = write("notes.txt", "hello, not DICOM\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		assertThrows(NotDicomException.class, () -> DicomParser.read(t));
		final Path empty = write("empty.dcm", new byte[0]);
		final DicomException e = assertThrows(NotDicomException.class, () -> DicomParser.read(empty));
		assertTrue(e.getMessage().contains("only 0 bytes"), e.getMessage());
	}

	@Test
	void lengthsExceedingTheFileAreRefusedBeforeAllocating() throws Exception {
		final byte[] b = Files.readAllBytes(Fixtures.get("ct_sagittal/IM0001.dcm"));
		// the 32-bit length of the pixel data (explicit VR LE: tag, "OW", 2 reserved bytes, length)
		final int at = indexOf(b, new byte[] { (byte) 0xE0, 0x7F, 0x10, 0x00, 'O', 'W' }) + 8;
		ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).putInt(at, 0x7FFFFFF0);
		final Path p = write("huge.dcm", b);
		final DicomException e = assertThrows(DicomException.class, () -> DicomParser.read(p));
		assertTrue(e.getMessage().contains("length 2147483632 of (7FE0,0010) PixelData"), e.getMessage());
		assertTrue(e.getMessage().contains("exceeds the file"), e.getMessage());
		// an undefined length on a VR that may not have one
		final byte[] c = Files.readAllBytes(Fixtures.get("sequences.dcm"));
		final int pn = indexOf(c, new byte[] { 0x10, 0x00, 0x10, 0x00, 'P', 'N' });
		c[pn + 4] = 'U';
		c[pn + 5] = 'T'; // now a long-form VR: reserved bytes = 2 length bytes, length = next 4 bytes (text): too long
		final Path q = write("ut.dcm", c);
		final DicomException e2 = assertThrows(DicomException.class, () -> DicomParser.read(q));
		assertTrue(e2.getMessage().startsWith(q + ": "), e2.getMessage());
	}

	@Test
	void deflatedStreamCutOrCorrupted() throws Exception {
		final byte[] b = Files.readAllBytes(Fixtures.get("mr_deflated/IM0001.dcm"));
		final DicomFile ok = DicomParser.read(Fixtures.get("mr_deflated/IM0001.dcm"));
		final int start = (int) ok.datasetOffset();
		for (int i = start + 5; i < b.length; i += 7) b[i] ^= 0x5A;
		final Path p = write("corrupt_deflate.dcm", b);
		final DicomException e = assertThrows(DicomException.class, () -> DicomFrame.of(DicomParser.read(p)));
		assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
	}

	/** Seeded random corruption of a file with nested sequences: any outcome but a non-Dicom exception or a hang. */
	@Test
	void corruptedBytesNeverEscapeAsOtherExceptions() throws Exception {
		final byte[] orig = Files.readAllBytes(Fixtures.get("sequences.dcm"));
		final Random random = new Random(42);
		final String p = "fuzz.dcm";
		int failed = 0;
		for (int round = 0; round < 400; round++) {
			final byte[] b = orig.clone();
			for (int k = 0; k < 3; k++) b[132 + random.nextInt(b.length - 132)] = (byte) random.nextInt(256);
			try {
				DicomParser.read(b, p, DicomReadOptions.full());
			}
			catch (final DicomException e) {
				failed++;
				assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
			}
		}
		assertTrue(failed > 0, "some corruptions must be detected");
	}

	@Test
	void folderWithoutDicom() throws Exception {
		Files.write(tmp.resolve("a.txt"), "text".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		Files.createDirectories(tmp.resolve("sub"));
		Files.write(tmp.resolve("sub/b.bin"), new byte[300]);
		final DicomException e = assertThrows(DicomException.class, () -> DicomFolder.load(tmp, DicomLoadOptions.defaults()));
		assertTrue(e.getMessage().startsWith(tmp + ": no DICOM image files found (2 files, 2 skipped"), e.getMessage());
		final DicomException missing = assertThrows(DicomException.class, () -> DicomFolder.scan(tmp.resolve("nope")));
		assertTrue(missing.getMessage().endsWith("nope: no such file or folder"), missing.getMessage());
	}

	@Test
	void seriesWithDuplicatePositions() throws Exception {
		Files.createDirectories(tmp.resolve("dup"));
		final Path a = Fixtures.get("ct_sagittal/IM0001.dcm");
		Files.copy(a, tmp.resolve("dup/a.dcm"));
		Files.copy(a, tmp.resolve("dup/b.dcm"));
		final DicomException e = assertThrows(DicomException.class, () -> DicomFolder.load(tmp.resolve("dup"), DicomLoadOptions.defaults()));
		assertTrue(e.getMessage().contains("two frames at the same position"), e.getMessage());
		assertTrue(e.getMessage().contains("a.dcm") && e.getMessage().contains("b.dcm"), e.getMessage());
	}

	@Test
	void pixelDataShorterThanTheImage() throws Exception {
		final byte[] b = Files.readAllBytes(Fixtures.get("ct_sagittal/IM0001.dcm"));
		// Rows 12 -> 40: the 384 bytes of pixel data no longer cover the image
		final int at = indexOf(b, new byte[] { 0x28, 0x00, 0x10, 0x00, 'U', 'S', 0x02, 0x00 }) + 8;
		b[at] = 40;
		final Path p = write("rows.dcm", b);
		final DicomException e = assertThrows(DicomException.class, () -> DicomFrame.of(DicomParser.readHeader(p)));
		assertEquals(p + ": pixel data has 384 bytes but 1 frame(s) of 16x40 signed 16/16-bit need 1280", e.getMessage());
		assertFalse(e.getMessage().isEmpty());
	}

	@ParameterizedTest
	@ValueSource(strings = { "0.0\\0.6", "NaN\\0.6", "-.9\\0.6" })
	void zeroNegativeOrNanPixelSpacing(final String spacing) throws Exception {
		final byte[] b = Files.readAllBytes(Fixtures.get("ct_sagittal/IM0001.dcm"));
		final int at = indexOf(b, new byte[] { 0x28, 0x00, 0x30, 0x00, 'D', 'S', 0x08, 0x00 }) + 8;
		System.arraycopy((spacing + "        ").getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, b, at, 8);
		final Path p = write("spacing.dcm", b);
		final DicomException e = assertThrows(DicomException.class, () -> DicomFrame.of(DicomParser.readHeader(p)));
		assertTrue(e.getMessage().startsWith(p + ": "), e.getMessage());
		assertTrue(e.getMessage().contains("PixelSpacing"), e.getMessage());
	}

	@Test
	void nanRescaleSlope() throws Exception {
		final byte[] b = Files.readAllBytes(Fixtures.get("ct_sagittal/IM0001.dcm"));
		final int at = indexOf(b, new byte[] { 0x28, 0x00, 0x53, 0x10, 'D', 'S', 0x02, 0x00 }) + 8;
		b[at] = '0'; // slope "0 " cannot be right
		final Path p = write("slope.dcm", b);
		final DicomException e = assertThrows(DicomException.class, () -> DicomFrame.of(DicomParser.readHeader(p)));
		assertEquals(p + ": unusable rescale slope 0.0 / intercept -1000.0", e.getMessage());
	}

	private static int indexOf(final byte[] hay, final byte[] needle) {
		outer: for (int i = 0; i <= hay.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++)
				if (hay[i + j] != needle[j]) continue outer;
			return i;
		}
		throw new AssertionError("pattern not found");
	}
}
