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
	void vendorSwitchToImplicitVrIsWrittenExplicit() throws Exception {
		// explicit VR LE data set in which Manufacturer and a standard sequence (with an item) are coded implicit
		final java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
		final ByteBuffer head = ByteBuffer.allocate(128 + 4 + 12 + 8 + 20).order(ByteOrder.LITTLE_ENDIAN);
		head.position(128);
		head.put("DICM".getBytes(StandardCharsets.US_ASCII));
		head.putShort((short) 2).putShort((short) 0).put("UL".getBytes(StandardCharsets.US_ASCII)).putShort((short) 4).putInt(28);
		head.putShort((short) 2).putShort((short) 0x10).put("UI".getBytes(StandardCharsets.US_ASCII)).putShort((short) 20)
			.put("1.2.840.10008.1.2.1\0".getBytes(StandardCharsets.US_ASCII));
		b.write(head.array());
		final ByteBuffer ds = ByteBuffer.allocate(200).order(ByteOrder.LITTLE_ENDIAN);
		ds.putShort((short) 8).putShort((short) 0x16).put("UI".getBytes(StandardCharsets.US_ASCII)).putShort((short) 26)
			.put("1.2.840.10008.5.1.4.1.1.2\0".getBytes(StandardCharsets.US_ASCII));
		ds.putShort((short) 8).putShort((short) 0x18).put("UI".getBytes(StandardCharsets.US_ASCII)).putShort((short) 6)
			.put("1.2.4\0".getBytes(StandardCharsets.US_ASCII));
		ds.putShort((short) 8).putShort((short) 0x70).putInt(4).put("ACME".getBytes(StandardCharsets.US_ASCII)); // implicit
		ds.putShort((short) 8).putShort((short) 0x1115).putInt(-1); // implicit SQ, undefined length
		ds.putShort((short) 0xFFFE).putShort((short) 0xE000).putInt(14);
		ds.putShort((short) 0x20).putShort((short) 0x0E).put("UI".getBytes(StandardCharsets.US_ASCII)).putShort((short) 6)
			.put("1.2.3\0".getBytes(StandardCharsets.US_ASCII));
		ds.putShort((short) 0xFFFE).putShort((short) 0xE0DD).putInt(0);
		b.write(ds.array(), 0, ds.position());
		final DicomFile in = DicomParser.read(b.toByteArray(), "switch.dcm", org.medprep.io.dicom.DicomReadOptions.full());
		assertFalse(in.warnings().isEmpty(), "the input is odd");
		final DeidKey key = new DeidKey("k");
		final DeidentifiedFile d = new DicomDeidentifier(ConfidentialityProfile.standard(), java.util.EnumSet.noneOf(DeidOption.class),
			new UidMapper(key), PatientPseudonyms.hashed(key)).deidentify(in);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		DicomFileWriter.write(d.meta(), d.transferSyntax(), d.dataset(), out);
		final DicomFile back = DicomParser.read(out.toByteArray(), "out.dcm", org.medprep.io.dicom.DicomReadOptions.full());
		assertEquals(java.util.Collections.emptyList(), back.warnings(), "the output is conformant");
		assertTrue(back.dataset().require(0x00080070).isExplicitVr());
		assertEquals("LO", back.dataset().require(0x00080070).vrCode());
		assertArrayEquals("ACME".getBytes(StandardCharsets.US_ASCII), back.dataset().require(0x00080070).bytes());
		assertEquals("SQ", back.dataset().require(0x00081115).vrCode());
		assertEquals(new UidMapper(key).map("1.2.3"), back.dataset().getItems(0x00081115).get(0).getString(0x0020000E, ""));
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
