package org.medprep.io.dicom.deid;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.DicomParser;
import org.medprep.io.dicom.DicomReadOptions;
import org.medprep.io.dicom.Encoding;
import org.medprep.io.dicom.TransferSyntax;
import org.medprep.io.dicom.Vr;

/** Actions on elements built in memory, in explicit LE and big endian, written and parsed back. */
class DicomDeidentifierTest {

	private static final DeidKey KEY = new DeidKey("k");

	private static DicomElement el(final Encoding enc, final int tag, final Vr vr, final String value) {
		byte[] v = value.getBytes(StandardCharsets.US_ASCII);
		if (v.length % 2 == 1) v = DicomDeidentifier.pad(v, vr);
		return DicomElement.ofBytes(tag, vr, vr.name(), enc.isExplicitVr(), enc.isBigEndian() && vr.wordSize() > 1, -1, v);
	}

	private static DicomElement seq(final Encoding enc, final int tag, final DicomDataset... items) {
		return DicomElement.ofItems(tag, Vr.SQ, "SQ", enc.isExplicitVr(), enc.isBigEndian(), DicomElement.UNDEFINED_LENGTH, -1,
			java.util.Arrays.asList(items));
	}

	/** Writes meta + data set with the writer, parses them back (as a file would be read). */
	private static DicomFile file(final TransferSyntax ts, final DicomDataset ds) throws Exception {
		final DicomDataset meta = new DicomDataset("t", Encoding.EXPLICIT_LITTLE, StandardCharsets.US_ASCII);
		meta.add(el(Encoding.EXPLICIT_LITTLE, 0x00020002, Vr.UI, "1.2.840.10008.5.1.4.1.1.2"));
		meta.add(el(Encoding.EXPLICIT_LITTLE, 0x00020010, Vr.UI, ts.uid()));
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		DicomFileWriter.write(meta, ts, ds, out);
		return DicomParser.read(out.toByteArray(), "t.dcm", DicomReadOptions.full());
	}

	private static DicomDataset deid(final DicomFile f, final Set<DeidOption> options) throws Exception {
		final DeidentifiedFile d = new DicomDeidentifier(ConfidentialityProfile.standard(), options, new UidMapper(KEY),
			PatientPseudonyms.hashed(KEY)).deidentify(f);
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		DicomFileWriter.write(d.meta(), d.transferSyntax(), d.dataset(), out);
		final DicomFile back = DicomParser.read(out.toByteArray(), "out.dcm", DicomReadOptions.full());
		assertEquals(Collections.emptyList(), back.warnings());
		return back.dataset();
	}

	private static DicomDataset sample(final Encoding enc) {
		final DicomDataset ds = new DicomDataset("t", enc, StandardCharsets.ISO_8859_1);
		ds.add(el(enc, 0x00080016, Vr.UI, "1.2.840.10008.5.1.4.1.1.2"));
		ds.add(el(enc, 0x00080018, Vr.UI, "1.3.12.2.1107.5.1.4.20240305"));
		ds.add(el(enc, 0x00080060, Vr.CS, "CT"));
		ds.add(el(enc, 0x00081090, Vr.LO, "ANNALYZER SMITH-ID77"));
		ds.add(el(enc, 0x00100010, Vr.PN, "SMITH^ANNA"));
		ds.add(el(enc, 0x00100020, Vr.LO, "ID77"));
		ds.add(el(enc, 0x00181250, Vr.SH, "HEAD"));
		// private: a safe element in block 0x11 of SIEMENS MR HEADER, an unsafe one, one with no creator
		ds.add(el(enc, 0x00190011, Vr.LO, "SIEMENS MR HEADER"));
		ds.add(el(enc, 0x0019110C, Vr.IS, "800"));
		ds.add(el(enc, 0x00191110, Vr.LO, "SMITH^ANNA"));
		ds.add(el(enc, 0x00192001, Vr.LO, "orphan"));
		// a not-listed UID outside the standard root, and a coding scheme UID of the standard
		ds.add(el(enc, 0x00209161, Vr.UI, "1.3.12.2.1107.5.99.2"));
		final DicomDataset observer = new DicomDataset("t", enc, StandardCharsets.ISO_8859_1);
		observer.add(el(enc, 0x0040A027, Vr.LO, "SMITH CLINIC"));
		observer.add(el(enc, 0x0040A075, Vr.PN, "DOC^WHO"));
		ds.add(seq(enc, 0x0040A073, observer)); // Verifying Observer Sequence: D
		final DicomDataset code = new DicomDataset("t", enc, StandardCharsets.ISO_8859_1);
		code.add(el(enc, 0x00080100, Vr.SH, "X1"));
		ds.add(seq(enc, 0x0040A088, code)); // Verifying Observer Identification Code Sequence: Z
		ds.add(el(enc, 0x0040A120, Vr.DT, "20240305101010")); // DateTime: D
		ds.add(el(enc, 0x0040A121, Vr.DA, "20240305")); // Date: D
		ds.add(el(enc, 0x0040A122, Vr.TM, "101010")); // Time: D
		ds.add(el(enc, 0x0040A123, Vr.PN, "SMITH^ANNA")); // Person Name: D
		return ds;
	}

	@Test
	void actionsInExplicitLittleAndBigEndian() throws Exception {
		for (final TransferSyntax ts : new TransferSyntax[] { TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_BIG_ENDIAN,
			TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN })
		{
			final DicomDataset out = deid(file(ts, sample(ts.encoding())), EnumSet.of(DeidOption.RETAIN_SAFE_PRIVATE));
			final String at = ts.name();
			// D per VR
			assertEquals("19000101000000", out.getString(0x0040A120, ""), at);
			assertEquals("19000101", out.getString(0x0040A121, ""), at);
			assertEquals("000000", out.getString(0x0040A122, ""), at);
			assertEquals("ANONYMOUS", out.getString(0x0040A123, ""), at);
			// D on a sequence: one empty item; Z: no items
			final List<DicomDataset> observers = out.getItems(0x0040A073);
			assertEquals(1, observers.size(), at);
			assertEquals(0, observers.get(0).size(), at);
			assertTrue(out.contains(0x0040A088) && out.getItems(0x0040A088).isEmpty(), at);
			// safe private kept with its creator (block 0x11), others and the orphan removed
			assertEquals("SIEMENS MR HEADER", out.getString(0x00190011, ""), at);
			// (bytes: in implicit VR the parser cannot know a private element's VR)
			assertArrayEquals("800 ".getBytes(StandardCharsets.US_ASCII), out.require(0x0019110C).bytes(), at);
			assertFalse(out.contains(0x00191110) || out.contains(0x00192001), at);
			// UIDs: SOP instance and the not-listed vendor UID remapped, the class kept
			assertEquals(new UidMapper(KEY).map("1.3.12.2.1107.5.1.4.20240305"), out.getString(0x00080018, ""), at);
			assertEquals(new UidMapper(KEY).map("1.3.12.2.1107.5.99.2"), out.getString(0x00209161, ""), at);
			assertEquals("1.2.840.10008.5.1.4.1.1.2", out.getString(0x00080016, ""), at);
			// retained elements byte for byte
			assertArrayEquals("HEAD".getBytes(StandardCharsets.US_ASCII), out.require(0x00181250).bytes(), at);
			// safety net in a not-listed text: name components as whole words only, the ID anywhere
			assertEquals("ANNALYZER *****-****", out.getString(0x00081090, ""), at);
			assertEquals("CT", out.getString(0x00080060, ""), at);
			// pseudonym
			assertEquals("ANON" + KEY.hex("patient", "ID77", 8), out.getString(0x00100010, ""), at);
		}
	}

	/**
	 * Public tags the dictionary does not know are removed, whatever VR they were coded with (UN in implicit VR
	 * files, where nothing else tells what they are); known attributes the table does not list stay.
	 */
	@Test
	void unknownPublicElementsAreRemovedInEveryEncoding() throws Exception {
		for (final TransferSyntax ts : new TransferSyntax[] { TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN,
			TransferSyntax.EXPLICIT_VR_BIG_ENDIAN })
		{
			final Encoding enc = ts.encoding();
			final DicomDataset ds = sample(enc);
			ds.add(el(enc, 0x00109999, Vr.LO, "SMITH ANNA 1961")); // unknown, text
			ds.add(el(enc, 0x00200EEE, Vr.UN, "ID77 scanned")); // unknown, UN
			ds.add(el(enc, 0x00280DDD, Vr.DS, "19610305")); // unknown, number-like
			final DicomDataset item = new DicomDataset("t", enc, StandardCharsets.ISO_8859_1);
			item.add(el(enc, 0x0040FFF0, Vr.SH, "ANNA"));
			item.add(el(enc, 0x00080100, Vr.SH, "X2"));
			ds.add(seq(enc, 0x00082218, item)); // Anatomic Region Sequence (not listed): its unknown element goes too
			final DicomFile f = file(ts, ds);
			if (!enc.isExplicitVr()) assertEquals(Vr.UN, f.dataset().require(0x00109999).vr(), "implicit VR: the parser can only say UN");
			final DeidentifiedFile d = new DicomDeidentifier(ConfidentialityProfile.standard(), EnumSet.noneOf(DeidOption.class), new UidMapper(KEY),
				PatientPseudonyms.hashed(KEY)).deidentify(f);
			final DicomDataset out = deid(f, EnumSet.noneOf(DeidOption.class));
			for (final int tag : new int[] { 0x00109999, 0x00200EEE, 0x00280DDD })
				assertFalse(out.contains(tag), ts.name() + ": unknown element " + Integer.toHexString(tag) + " kept");
			assertFalse(out.getItems(0x00082218).get(0).contains(0x0040FFF0), ts.name());
			assertEquals("X2", out.getItems(0x00082218).get(0).getString(0x00080100, ""), ts.name() + ": known attribute in the item kept");
			assertEquals("HEAD", out.getString(0x00181250, ""), ts.name() + ": a known attribute the table does not list is kept");
			assertEquals(4, (int) d.counts().get(DeidCount.UNKNOWN_REMOVED), ts.name());
		}
	}

	/** Person names scrubbed from free text down to two-letter parts ("Li^Na"), as whole words; titles (Mr, Dr) are not names. */
	@Test
	void shortNamePartsAreScrubbedFromText() throws Exception {
		final Encoding enc = Encoding.EXPLICIT_LITTLE;
		final DicomDataset ds = new DicomDataset("t", enc, StandardCharsets.ISO_8859_1);
		ds.add(el(enc, 0x00080016, Vr.UI, "1.2.840.10008.5.1.4.1.1.2"));
		ds.add(el(enc, 0x00080018, Vr.UI, "1.2.3.4"));
		ds.add(el(enc, 0x00080060, Vr.CS, "MR"));
		ds.add(el(enc, 0x00081090, Vr.LO, "MR for Li Na, NA-LI protocol, Linac")); // Manufacturer's Model Name: not listed
		ds.add(el(enc, 0x00100010, Vr.PN, "Li^Na^^Mr"));
		ds.add(el(enc, 0x00100020, Vr.LO, "P1"));
		ds.add(el(enc, 0x00180015, Vr.CS, "HEAD"));
		final DicomDataset out = deid(file(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, ds), EnumSet.noneOf(DeidOption.class));
		assertEquals("MR for ** **, **-** protocol, Linac", out.getString(0x00081090, ""));
		assertEquals("MR", out.getString(0x00080060, ""), "the title 'Mr' is not a name part");
		final java.util.Set<String> parts = new java.util.TreeSet<>();
		DicomDeidentifier.nameParts("Wang^Xiao Li-Hua^^Dr^III=王^小丽", parts);
		assertEquals(java.util.Set.of("WANG", "XIAO LI-HUA", "XIAO", "LI", "HUA", "王", "小丽"), parts);
	}

	@Test
	void withoutSafePrivateEveryPrivateElementGoes() throws Exception {
		final DicomDataset out = deid(file(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, sample(Encoding.EXPLICIT_LITTLE)),
			EnumSet.noneOf(DeidOption.class));
		for (final DicomElement e : out.elements()) assertEquals(0, (e.tag() >>> 16) & 1, "private element " + e);
	}

	@Test
	void retainUidsKeepsEveryUid() throws Exception {
		final DicomDataset out = deid(file(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, sample(Encoding.EXPLICIT_LITTLE)),
			EnumSet.of(DeidOption.RETAIN_UIDS));
		assertEquals("1.3.12.2.1107.5.1.4.20240305", out.getString(0x00080018, ""));
		assertEquals("1.3.12.2.1107.5.99.2", out.getString(0x00209161, ""));
	}
}
