package org.medprep.io.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parsed model keeps everything a writer needs to reproduce a file byte for
 * byte (the de-identifier rewrites files keeping retained elements intact):
 * serialising the tree back from tags, VR codes, explicit/implicit flags, coded
 * lengths, raw values, items and fragments gives the original bytes.
 */
class ByteForByteModelTest {

	@ParameterizedTest
	@ValueSource(strings = { "ct_axial/IM0003.dcm", "ct_sagittal/IM0001.dcm", "ct_oblique_be/IM0004.dcm", "sequences.dcm",
		"jpeg_baseline.dcm", "enhanced_ct.dcm", "bare_implicit.dcm", "grid_offsets.dcm", "float_pixels.dcm" })
	void serialisingTheTreeGivesTheFileBack(final String fixture) throws Exception {
		final byte[] original = Files.readAllBytes(Fixtures.get(fixture));
		final DicomFile f = DicomParser.read(Fixtures.get(fixture)); // large values stay lazy in the file
		assertArrayEquals(original, serialise(f), fixture);
	}

	static byte[] serialise(final DicomFile f) throws DicomException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (f.hasPreamble()) {
			write(out, f.preamble().get());
			write(out, "DICM".getBytes(StandardCharsets.US_ASCII));
		}
		writeElements(out, f.meta());
		writeElements(out, f.dataset());
		return out.toByteArray();
	}

	private static void writeElements(final ByteArrayOutputStream out, final DicomDataset ds) throws DicomException {
		final ByteOrder order = ds.encoding().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
		for (final DicomElement e : ds.elements()) {
			tag(out, e.tag(), order);
			if (e.isExplicitVr()) {
				write(out, e.vrCode().getBytes(StandardCharsets.US_ASCII));
				final boolean known = isKnownVr(e.vrCode());
				if (!known || Vr.valueOf(e.vrCode()).hasLongLength()) {
					u16(out, 0, order);
					u32(out, e.length(), order);
				}
				else u16(out, (int) e.length(), order);
			}
			else u32(out, e.length(), order);
			if (e.isSequence()) {
				for (final DicomDataset item : e.items()) {
					final ByteOrder io = item.encoding().isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
					tag(out, Tags.Item, io);
					u32(out, item.itemLength(), io);
					writeElements(out, item);
					if (item.itemLength() == DicomElement.UNDEFINED_LENGTH) {
						tag(out, Tags.ItemDelimitationItem, io);
						u32(out, 0, io);
					}
				}
				if (e.hasUndefinedLength()) {
					final ByteOrder io = e.vr() == Vr.UN ? ByteOrder.LITTLE_ENDIAN : order;
					tag(out, Tags.SequenceDelimitationItem, io);
					u32(out, 0, io);
				}
			}
			else if (e.isEncapsulated()) {
				for (final byte[] fragment : e.fragments()) {
					tag(out, Tags.Item, order);
					u32(out, fragment.length, order);
					write(out, fragment);
				}
				tag(out, Tags.SequenceDelimitationItem, order);
				u32(out, 0, order);
			}
			else write(out, e.bytes());
		}
	}

	private static boolean isKnownVr(final String code) {
		for (final Vr vr : Vr.values())
			if (vr.name().equals(code)) return true;
		return false;
	}

	private static void tag(final ByteArrayOutputStream out, final int tag, final ByteOrder order) {
		u16(out, tag >>> 16, order);
		u16(out, tag & 0xFFFF, order);
	}

	private static void u16(final ByteArrayOutputStream out, final int v, final ByteOrder order) {
		write(out, ByteBuffer.allocate(2).order(order).putShort((short) v).array());
	}

	private static void u32(final ByteArrayOutputStream out, final long v, final ByteOrder order) {
		write(out, ByteBuffer.allocate(4).order(order).putInt((int) v).array());
	}

	private static void write(final ByteArrayOutputStream out, final byte[] b) {
		out.write(b, 0, b.length);
	}
}
