package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;

class DicomParserTest {

	@Test
	void readsImplicitLittleEndian() throws Exception {
		final DicomFile f = DicomParser.read(Fixtures.get("ct_axial/IM0001.dcm"));
		assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN_UID, f.transferSyntax().uid());
		assertTrue(f.hasPreamble());
		assertFalse(f.isTransferSyntaxGuessed());
		final DicomDataset ds = f.dataset();
		assertEquals(12, ds.getInt(Tags.Rows, -1));
		assertEquals(16, ds.getInt(Tags.Columns, -1));
		assertArrayEquals(new double[] { 0.7, 0.8 }, ds.getDoubles(Tags.PixelSpacing));
		assertEquals("CT axial implicit", ds.getString(Tags.SeriesDescription, ""));
		assertEquals("Fixture^Phantom", ds.getString(0x00100010, ""));
		assertArrayEquals(new String[] { "ORIGINAL", "PRIMARY", "AXIAL" }, ds.getStrings(Tags.ImageType));
		assertFalse(ds.require(Tags.Rows).isExplicitVr());
		assertEquals(Vr.US, ds.require(Tags.Rows).vr());
		assertEquals("1.2.840.10008.5.1.4.1.1.2", f.meta().getString(Tags.MediaStorageSOPClassUID, ""));
	}

	@Test
	void readsExplicitBigEndian() throws Exception {
		final DicomFile f = DicomParser.read(Fixtures.get("ct_oblique_be/IM0001.dcm"));
		assertTrue(f.transferSyntax().isBigEndian());
		final DicomDataset ds = f.dataset();
		assertEquals(12, ds.getInt(Tags.Rows, -1));
		assertEquals(1, ds.getInt(Tags.PixelRepresentation, -1));
		final DicomElement rows = ds.require(Tags.Rows);
		assertTrue(rows.isBigEndian());
		assertEquals(0, rows.bytes()[0]); // 12 big endian is 00 0C, kept as in the file
		assertEquals(12, rows.bytes()[1]);
	}

	@Test
	void readsDeflatedDataSet() throws Exception {
		final DicomFile f = DicomParser.read(Fixtures.get("mr_deflated/IM0001.dcm"));
		assertTrue(f.transferSyntax().isDeflated());
		assertEquals("MR", f.dataset().getString(Tags.Modality, ""));
		final DicomElement px = f.pixelData().get();
		assertTrue(px.isLoaded(), "values of a deflated stream cannot stay in the file");
		assertEquals(16 * 12 * 2, px.bytes().length);
	}

	@Test
	void readsBareDataSetWithoutPreambleOrMeta() throws Exception {
		final DicomFile f = DicomParser.read(Fixtures.get("bare_implicit.dcm"));
		assertFalse(f.hasPreamble());
		assertTrue(f.isTransferSyntaxGuessed());
		assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN_UID, f.transferSyntax().uid());
		assertEquals(0, f.meta().size());
		assertEquals(12, f.dataset().getInt(Tags.Rows, -1));
		assertEquals("CT", f.dataset().getString(Tags.Modality, ""));
	}

	@Test
	void readsNestedUndefinedLengthSequencesPrivateTagsAndUn() throws Exception {
		final DicomFile f = DicomParser.read(Fixtures.get("sequences.dcm"));
		final DicomDataset ds = f.dataset();
		final DicomElement seq = ds.require(0x00081140); // ReferencedImageSequence
		assertTrue(seq.isSequence());
		assertTrue(seq.hasUndefinedLength());
		assertEquals(2, seq.items().size());
		final DicomDataset item = seq.items().get(0);
		assertEquals(DicomElement.UNDEFINED_LENGTH, item.itemLength());
		assertEquals("1.2.826.0.1.3680043.8.498.7731.21.3", item.getString(0x00081155, ""));
		final List<DicomDataset> inner = item.getItems(0x0040A170);
		assertEquals(1, inner.size());
		assertTrue(item.require(0x0040A170).hasUndefinedLength());
		assertEquals("Basic Application Confidentiality Profile", inner.get(0).getString(0x00080104, ""));
		assertEquals("1.2.826.0.1.3680043.8.498.7731.21.4", seq.items().get(1).getString(0x00081155, ""));
		// private block
		assertEquals("MEDPREP TEST", ds.getString(0x00290010, ""));
		assertEquals("private text", ds.getString(0x00291001, ""));
		assertEquals(4242, ds.getInt(0x00291002, -1));
		assertTrue(Tags.isPrivate(0x00291002));
		assertTrue(Tags.isPrivateCreator(0x00290010));
		// UN of undefined length: an implicit VR little endian sequence inside an explicit file
		final DicomElement un = ds.require(0x00291003);
		assertEquals(Vr.UN, un.vr());
		assertEquals("UN", un.vrCode());
		assertTrue(un.hasUndefinedLength());
		assertEquals(1, un.items().size());
		final DicomDataset unItem = un.items().get(0);
		assertEquals(Encoding.IMPLICIT_LITTLE, unItem.encoding());
		assertEquals("MEDPREP TEST", unItem.getString(0x00290010, ""));
		assertEquals("inside UN ", new String(unItem.require(0x00291001).bytes(), StandardCharsets.US_ASCII));
		// the element after the sequences is still found: the parser resynchronised
		assertEquals("1.2.826.0.1.3680043.8.498.7731.21.2", ds.getString(Tags.SeriesInstanceUID, ""));
	}

	@Test
	void keepsEncapsulatedFragments() throws Exception {
		final DicomFile f = DicomParser.read(Fixtures.get("jpeg_baseline.dcm"));
		assertTrue(f.transferSyntax().isEncapsulated());
		assertEquals("JPEG Baseline (Process 1)", f.transferSyntax().name());
		final DicomElement px = f.pixelData().get();
		assertTrue(px.isEncapsulated());
		assertEquals(2, px.fragments().size());
		assertArrayEquals(new byte[4], px.fragments().get(0)); // Basic Offset Table: one frame at offset 0
		assertEquals((byte) 0xFF, px.fragments().get(1)[0]);
		assertEquals((byte) 0xD8, px.fragments().get(1)[1]);
	}

	@Test
	void headerOnlyStopsAtPixelDataAndKeepsItsLocation() throws Exception {
		final java.nio.file.Path p = Fixtures.get("ct_sagittal/IM0001.dcm");
		final DicomFile f = DicomParser.readHeader(p);
		assertTrue(f.isHeaderOnly());
		final DicomElement px = f.pixelData().get();
		assertFalse(px.isLoaded());
		assertTrue(px.isInFile());
		assertEquals(16 * 12 * 2, px.length());
		assertEquals(Files.size(p) - px.length(), px.valueOffset());
		final byte[] whole = Files.readAllBytes(p);
		final byte[] value = px.bytes();
		for (int i = 0; i < value.length; i++) assertEquals(whole[(int) px.valueOffset() + i], value[i]);
	}

	@Test
	void largeValuesStayInTheFileUntilAsked() throws Exception {
		final DicomFile f = DicomParser.read(Fixtures.get("ct_sagittal/IM0001.dcm"), DicomReadOptions.full().withLazyThreshold(100));
		final DicomElement px = f.pixelData().get();
		assertTrue(px.isInFile());
		assertEquals(384, px.bytes().length);
		final DicomFile eager = DicomParser.read(Fixtures.get("ct_sagittal/IM0001.dcm"), DicomReadOptions.full().withLazyThreshold(Integer.MAX_VALUE));
		assertArrayEquals(eager.pixelData().get().bytes(), px.bytes());
	}

	@Test
	void decodesMultiValuedAndBinaryNumbers() throws Exception {
		final DicomDataset ds = DicomParser.read(Fixtures.get("ct_sagittal/IM0001.dcm")).dataset();
		assertArrayEquals(new double[] { 0, 1, 0, 0, 0, -1 }, ds.getDoubles(Tags.ImageOrientationPatient));
		assertEquals(-1000.0, ds.getDouble(Tags.RescaleIntercept, 0));
		assertEquals(2.0, ds.getDouble(Tags.RescaleSlope, 0));
		assertEquals(7, ds.getDouble(0x99990000, 7), "absent element gives the default");
		assertEquals(0, ds.getItems(0x99990010).size());
		assertEquals(Vr.DS, ds.require(Tags.PixelSpacing).vr());
		assertEquals("0.9\\0.6", ds.getString(Tags.PixelSpacing, ""));
	}

	@Test
	void dictionaryKnowsVrsAndRepeatingGroups() {
		assertEquals(Vr.SQ, DicomDictionary.vrOf(Tags.PerFrameFunctionalGroupsSequence));
		assertEquals(Vr.DS, DicomDictionary.vrOf(Tags.ImagePositionPatient));
		assertEquals(Vr.UL, DicomDictionary.vrOf(0x00280000));
		assertEquals(Vr.LO, DicomDictionary.vrOf(0x00090010));
		assertEquals(Vr.UN, DicomDictionary.vrOf(0x00091001));
		assertEquals(Vr.OW, DicomDictionary.vrOf(0x60023000)); // OverlayData in a repeating group 60xx
		assertEquals("(0020,000E) SeriesInstanceUID", DicomDictionary.describe(Tags.SeriesInstanceUID));
	}
}
