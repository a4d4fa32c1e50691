package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

/** Oddities of real files (dicom-parsing-facts.md "Pitfalls"), built byte by byte. */
class DicomParserEdgeCaseTest {

	/** Little helper writing elements in a chosen encoding. */
	static final class Bytes {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final ByteOrder order;

		Bytes(final ByteOrder order) {
			this.order = order;
		}

		Bytes raw(final byte[] b) {
			out.write(b, 0, b.length);
			return this;
		}

		Bytes u16(final int v) {
			return raw(ByteBuffer.allocate(2).order(order).putShort((short) v).array());
		}

		Bytes u32(final long v) {
			return raw(ByteBuffer.allocate(4).order(order).putInt((int) v).array());
		}

		Bytes tag(final int tag) {
			return u16(tag >>> 16).u16(tag & 0xFFFF);
		}

		Bytes explicit(final int tag, final String vr, final byte[] value) {
			tag(tag).raw(vr.getBytes(StandardCharsets.US_ASCII));
			if (Vr.valueOf(vr).hasLongLength()) u16(0).u32(value.length);
			else u16(value.length);
			return raw(value);
		}

		Bytes implicit(final int tag, final byte[] value) {
			return tag(tag).u32(value.length).raw(value);
		}

		byte[] bytes() {
			return out.toByteArray();
		}
	}

	static byte[] ascii(final String s) {
		return s.getBytes(StandardCharsets.US_ASCII);
	}

	static byte[] part10(final String tsUid, final byte[] meta, final byte[] dataset) {
		final Bytes b = new Bytes(ByteOrder.LITTLE_ENDIAN).raw(new byte[128]).raw(ascii("DICM"));
		final byte[] ts = tsUid.length() % 2 == 1 ? ascii(tsUid + "\0") : ascii(tsUid);
		final byte[] m = meta != null ? meta : new Bytes(ByteOrder.LITTLE_ENDIAN).explicit(Tags.TransferSyntaxUID, "UI", ts).bytes();
		b.explicit(Tags.FileMetaInformationGroupLength, "UL", ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(m.length).array());
		return b.raw(m).raw(dataset).bytes();
	}

	@Test
	void explicitFileSwitchingToImplicitInsideAPrivateSequence() throws Exception {
		final byte[] inner = new Bytes(ByteOrder.LITTLE_ENDIAN)
			.implicit(0x00090010, ascii("VENDOR  "))
			.implicit(0x00091001, ascii("implicit")).bytes();
		final byte[] ds = new Bytes(ByteOrder.LITTLE_ENDIAN)
			.explicit(Tags.Modality, "CS", ascii("MR"))
			.explicit(0x00090010, "LO", ascii("VENDOR  "))
			.tag(0x00091010).raw(ascii("SQ")).u16(0).u32(DicomElement.UNDEFINED_LENGTH)
			.tag(Tags.Item).u32(inner.length).raw(inner)
			.tag(Tags.SequenceDelimitationItem).u32(0)
			.explicit(Tags.SeriesInstanceUID, "UI", ascii("1.2.3\0")).bytes();
		final DicomFile f = DicomParser.read(part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, null, ds), "switch.dcm", DicomReadOptions.full());
		final DicomDataset item = f.dataset().getItems(0x00091010).get(0);
		assertFalse(item.require(0x00091001).isExplicitVr());
		assertEquals("implicit", new String(item.require(0x00091001).bytes(), StandardCharsets.US_ASCII));
		assertEquals("VENDOR", item.getString(0x00090010, ""));
		assertEquals("1.2.3", f.dataset().getString(Tags.SeriesInstanceUID, ""));
		assertTrue(f.warnings().stream().anyMatch(w -> w.contains("implicit VR inside an explicit VR data set")), f.warnings().toString());
	}

	@Test
	void metaInformationCodedInImplicitVr() throws Exception {
		final byte[] meta = new Bytes(ByteOrder.LITTLE_ENDIAN)
			.implicit(Tags.TransferSyntaxUID, ascii("1.2.840.10008.1.2\0")).bytes();
		final Bytes b = new Bytes(ByteOrder.LITTLE_ENDIAN).raw(new byte[128]).raw(ascii("DICM"))
			.implicit(Tags.FileMetaInformationGroupLength, ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(meta.length).array())
			.raw(meta)
			.implicit(Tags.Rows, new byte[] { 7, 0 });
		final DicomFile f = DicomParser.read(b.bytes(), "implicit-meta.dcm", DicomReadOptions.full());
		assertEquals(TransferSyntax.IMPLICIT_VR_LITTLE_ENDIAN_UID, f.transferSyntax().uid());
		assertEquals(7, f.dataset().getInt(Tags.Rows, -1));
	}

	@Test
	void bareExplicitBigEndianDataSet() throws Exception {
		final byte[] ds = new Bytes(ByteOrder.BIG_ENDIAN)
			.explicit(Tags.SOPClassUID, "UI", ascii("1.2.840.10008.5.1.4.1.1.2\0"))
			.explicit(Tags.Rows, "US", new byte[] { 1, 2 }).bytes();
		final DicomFile f = DicomParser.read(ds, "bare-be.dcm", DicomReadOptions.full());
		assertTrue(f.isTransferSyntaxGuessed());
		assertEquals(TransferSyntax.EXPLICIT_VR_BIG_ENDIAN_UID, f.transferSyntax().uid());
		assertEquals(0x0102, f.dataset().getInt(Tags.Rows, -1));
	}

	@Test
	void oddLengthsAreReadExactly() throws Exception {
		final byte[] ds = new Bytes(ByteOrder.LITTLE_ENDIAN)
			.explicit(Tags.Modality, "CS", ascii("CT "))
			.explicit(Tags.SeriesDescription, "LO", ascii("odd"))
			.explicit(Tags.Rows, "US", new byte[] { 5, 0 }).bytes();
		final DicomFile f = DicomParser.read(part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, null, ds), "odd.dcm", DicomReadOptions.full());
		assertEquals("odd", f.dataset().getString(Tags.SeriesDescription, ""));
		assertEquals(3, f.dataset().require(Tags.SeriesDescription).length());
		assertEquals(5, f.dataset().getInt(Tags.Rows, -1));
	}

	@Test
	void unknownVrUsesTheLongForm() throws Exception {
		final byte[] ds = new Bytes(ByteOrder.LITTLE_ENDIAN)
			.tag(0x00091001).raw(ascii("ZZ")).u16(0).u32(4).raw(new byte[] { 1, 2, 3, 4 })
			.explicit(Tags.Rows, "US", new byte[] { 5, 0 }).bytes();
		final DicomFile f = DicomParser.read(part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, null, ds), "zz.dcm", DicomReadOptions.full());
		assertEquals("ZZ", f.dataset().require(0x00091001).vrCode());
		assertEquals(Vr.UN, f.dataset().require(0x00091001).vr());
		assertEquals(5, f.dataset().getInt(Tags.Rows, -1));
	}

	@Test
	void strayDelimitersAndTrailingPaddingAreTolerated() throws Exception {
		final byte[] ds = new Bytes(ByteOrder.LITTLE_ENDIAN)
			.explicit(Tags.Rows, "US", new byte[] { 5, 0 })
			.tag(Tags.ItemDelimitationItem).u32(0)
			.explicit(0xFFFCFFFC, "OB", new byte[6]).bytes();
		final DicomFile f = DicomParser.read(part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, null, ds), "stray.dcm", DicomReadOptions.full());
		assertEquals(5, f.dataset().getInt(Tags.Rows, -1));
		assertTrue(f.dataset().contains(0xFFFCFFFC));
		assertEquals(1, f.warnings().size());
	}

	@Test
	void deepNestingIsBounded() {
		// 100 nested undefined-length sequences
		final Bytes b = new Bytes(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < 100; i++) b.tag(0x00081140).raw(ascii("SQ")).u16(0).u32(DicomElement.UNDEFINED_LENGTH).tag(Tags.Item).u32(DicomElement.UNDEFINED_LENGTH);
		final byte[] file = part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, null, b.bytes());
		final DicomException e = assertThrows(DicomException.class, () -> DicomParser.read(file, "deep.dcm", DicomReadOptions.full()));
		assertTrue(e.getMessage().startsWith("deep.dcm: sequences nested more than 64 deep"), e.getMessage());
	}

	@Test
	void undefinedLengthOnATextVrIsRefused() {
		final byte[] ds = new Bytes(ByteOrder.LITTLE_ENDIAN)
			.tag(Tags.SeriesDescription).raw(ascii("UT")).u16(0).u32(DicomElement.UNDEFINED_LENGTH).bytes();
		final byte[] file = part10(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN_UID, null, ds);
		final DicomException e = assertThrows(DicomException.class, () -> DicomParser.read(file, "ut.dcm", DicomReadOptions.full()));
		assertTrue(e.getMessage().contains("has undefined length, which only SQ, UN, OB, OW, OD, OF, OL and OV may have"), e.getMessage());
	}
}
