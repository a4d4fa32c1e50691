package org.medprep.io.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.Encoding;
import org.medprep.io.dicom.TransferSyntax;
import org.medprep.io.dicom.Vr;

/**
 * The writer reproduces a parsed data set byte for byte: parse each pydicom-made fixture (both areas'
 * fixtures, every native syntax, deflated, encapsulated, nested sequences, UN of undefined length),
 * write it with its own meta group, and compare the data set bytes after the meta group.
 */
class DicomFileWriterTest {

	private static List<Path> fixtureFiles() throws Exception {
		final Path dicomRoot = Paths.get(DicomFileWriterTest.class.getResource("study").toURI()).getParent().getParent();
		try (Stream<Path> s = Files.walk(dicomRoot)) {
			return s.filter(p -> p.toString().endsWith(".dcm") && !p.toString().contains("/bad/")).sorted().collect(Collectors.toList());
		}
	}

	@Test
	void dataSetRoundTripsByteForByte() throws Exception {
		int compared = 0;
		final List<String> skipped = new ArrayList<>();
		for (final Path f : fixtureFiles()) {
			final DicomFile in;
			try {
				in = DicomParser.read(f);
			}
			catch (final DicomException e) {
				skipped.add(f.getFileName() + ": " + e.getMessage());
				continue;
			}
			if (!in.hasPreamble() || f.getFileName().toString().equals("a3.dcm")) {
				skipped.add(f.getFileName().toString()); // bare data sets get a meta group; a3 has odd lengths (padded)
				continue;
			}
			final ByteArrayOutputStream out = new ByteArrayOutputStream();
			final DicomFileWriter.Result r = DicomFileWriter.write(in.meta(), in.transferSyntax(), in.dataset(), out);
			assertEquals(0, r.oddLengthsPadded(), f.toString());
			final byte[] original = dataSet(Files.readAllBytes(f), in.transferSyntax().isDeflated());
			final byte[] written = dataSet(out.toByteArray(), in.transferSyntax().isDeflated());
			assertEquals(original.length, written.length, f + ": data set length");
			assertArrayEquals(original, written, f + ": data set bytes differ");
			// and the output parses back to the same elements
			final DicomFile back = DicomParser.read(out.toByteArray(), f.getFileName().toString(), org.medprep.io.dicom.DicomReadOptions.full());
			assertEquals(in.dataset().size(), back.dataset().size());
			compared++;
		}
		assertTrue(compared >= 15, "compared " + compared + " files; skipped " + skipped);
	}

	/** Bytes after the meta group (inflated for the deflated syntax). */
	private static byte[] dataSet(final byte[] file, final boolean deflated) throws IOException {
		final int metaEnd = 132 + 12 + ByteBuffer.wrap(file, 140, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
		final byte[] ds = Arrays.copyOfRange(file, metaEnd, file.length);
		if (!deflated) return ds;
		final java.util.zip.Inflater inf = new java.util.zip.Inflater(true);
		inf.setInput(ds);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] buf = new byte[8192];
		try {
			while (!inf.finished()) {
				final int n = inf.inflate(buf);
				if (n == 0 && inf.needsInput()) break;
				out.write(buf, 0, n);
			}
		}
		catch (final java.util.zip.DataFormatException e) {
			throw new IOException(e);
		}
		finally {
			inf.end();
		}
		return out.toByteArray();
	}

	@Test
	void metaGroupLengthAndPadding() throws Exception {
		final DicomDataset meta = new DicomDataset("t", Encoding.EXPLICIT_LITTLE, StandardCharsets.US_ASCII);
		meta.add(DicomElement.ofBytes(0x00020001, Vr.OB, new byte[] { 0, 1 }));
		meta.add(DicomElement.ofBytes(0x00020010, Vr.UI, "1.2.840.10008.1.2\0".getBytes(StandardCharsets.US_ASCII)));
		final DicomDataset ds = new DicomDataset("t", Encoding.IMPLICIT_LITTLE, StandardCharsets.US_ASCII);
		ds.add(DicomElement.ofBytes(0x00100010, Vr.PN, "PN", false, false, -1, "ABC".getBytes(StandardCharsets.US_ASCII))); // odd: padded
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final DicomFileWriter.Result r = DicomFileWriter.write(meta, TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, ds, out);
		final byte[] b = out.toByteArray();
		assertEquals(1, r.oddLengthsPadded());
		assertEquals(b.length, r.bytes());
		assertEquals("DICM", new String(b, 128, 4, StandardCharsets.US_ASCII));
		for (int i = 0; i < 128; i++) assertEquals(0, b[i], "preamble zero");
		// (0002,0000) UL 4 = 14 (OB 00 01: 12-byte header + 2) + 26 (UI of 18 bytes: 8-byte header + 18)
		final ByteBuffer bb = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
		assertEquals(0x0002, bb.getShort(132));
		assertEquals('U', b[136]);
		assertEquals(14 + 26, bb.getInt(140));
		// implicit element: tag, u32 length 4, "ABC "
		final int p = 144 + 40;
		assertEquals(0x0010, bb.getShort(p));
		assertEquals(4, bb.getInt(p + 4));
		assertEquals("ABC ", new String(b, p + 8, 4, StandardCharsets.US_ASCII));
		assertEquals(p + 12, b.length);
	}

	@Test
	void atomicWriteLeavesNothingOnFailure(@TempDir final Path tmp) throws Exception {
		final DicomDataset meta = new DicomDataset("t", Encoding.EXPLICIT_LITTLE, StandardCharsets.US_ASCII);
		final DicomDataset ds = new DicomDataset("t", Encoding.EXPLICIT_LITTLE, StandardCharsets.US_ASCII);
		// 70000 bytes cannot be coded in the 16-bit length of LO: the write fails midway
		ds.add(DicomElement.ofBytes(0x00080070, Vr.LO, new byte[70000]));
		final Path target = tmp.resolve("sub/out.dcm");
		final DicomException e = assertThrows(DicomException.class,
			() -> DicomFileWriter.writeAtomically(meta, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ds, target));
		assertTrue(e.getMessage().contains("(0008,0070)") && e.getMessage().contains("16-bit"), e.getMessage());
		assertFalse(Files.exists(target));
		try (Stream<Path> s = Files.list(tmp.resolve("sub"))) {
			assertEquals(0, s.count(), "no temporary file left");
		}
	}
}
