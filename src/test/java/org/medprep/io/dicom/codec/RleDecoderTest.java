package org.medprep.io.dicom.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;

import org.junit.jupiter.api.Test;

/** RLE frames built by hand from PS3.5 Annex G, with their known pixels. */
class RleDecoderTest {

	/** A frame: the 64-byte header for the given segments, then the segments. */
	static byte[] frame(final byte[]... segments) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final int[] header = new int[16];
		header[0] = segments.length;
		int offset = 64;
		for (int s = 0; s < segments.length; s++) {
			header[s + 1] = offset;
			offset += segments[s].length;
		}
		for (final int h : header) {
			out.write(h);
			out.write(h >>> 8);
			out.write(h >>> 16);
			out.write(h >>> 24);
		}
		for (final byte[] s : segments) out.write(s, 0, s.length);
		return out.toByteArray();
	}

	static byte[] bytes(final int... v) {
		final byte[] b = new byte[v.length];
		for (int i = 0; i < v.length; i++) b[i] = (byte) v[i];
		return b;
	}

	@Test
	void sixteenBitFrameFromHighAndLowByteSegments() throws Exception {
		// pixels 0x0102, 0x0304, 0xFFFF, 0x8000: high bytes 01 03 FF 80 as a literal run,
		// low bytes 02 04 as a literal run of two, FF as a literal run of one, the -128 no-op, then 00
		final byte[] data = frame(bytes(3, 0x01, 0x03, 0xFF, 0x80), bytes(1, 0x02, 0x04, 0, 0xFF, 0x80, 0, 0x00));
		final short[] p = new short[4];
		new RleDecoder().decode(data, new FrameSpec(2, 2, 16, 16), p);
		assertArrayEquals(new short[] { 0x0102, 0x0304, (short) 0xFFFF, (short) 0x8000 }, p);
	}

	@Test
	void replicateRunsAndAPaddedLastRun() throws Exception {
		// -3 repeats the next byte 4 times; the literal run's extra byte beyond the frame is dropped
		final byte[] p = new byte[6];
		new RleDecoder().decode(frame(bytes(-3 & 0xFF, 7, 2, 9, 8, 0)), new FrameSpec(2, 3, 8, 8), p);
		assertArrayEquals(bytes(7, 7, 7, 7, 9, 8), p);
	}

	@Test
	void thirtyTwoBitFrameHasFourSegments() throws Exception {
		final int[] p = new int[1];
		new RleDecoder().decode(frame(bytes(0, 0x12), bytes(0, 0x34), bytes(0, 0x56), bytes(0, 0x78)), new FrameSpec(1, 1, 32, 32), p);
		assertEquals(0x12345678, p[0]);
	}

	@Test
	void badFramesFailWithWhatIsWrong() {
		final RleDecoder d = new RleDecoder();
		final FrameSpec spec = new FrameSpec(2, 2, 16, 16);
		assertEquals("RLE frame of 10 bytes is shorter than its 64-byte header",
			assertThrows(CodecException.class, () -> d.decode(new byte[10], spec, new short[4])).getMessage());
		assertEquals("RLE header declares 1 segments; a 2x2 16/16-bit frame needs 2",
			assertThrows(CodecException.class, () -> d.decode(frame(bytes(3, 1, 2, 3, 4)), spec, new short[4])).getMessage());
		assertEquals("RLE segment 2 ends after 2 of 4 bytes",
			assertThrows(CodecException.class, () -> d.decode(frame(bytes(3, 1, 2, 3, 4), bytes(1, 5, 6)), spec, new short[4])).getMessage());
		assertEquals("RLE segment 1: a literal run goes past the segment's end",
			assertThrows(CodecException.class, () -> d.decode(frame(bytes(9, 1, 2), bytes(3, 5, 6, 7, 8)), spec, new short[4])).getMessage());
		final byte[] bad = frame(bytes(3, 1, 2, 3, 4), bytes(3, 5, 6, 7, 8));
		bad[8] = (byte) 200; // second segment offset beyond the frame
		assertThrows(CodecException.class, () -> d.decode(bad, spec, new short[4]));
	}
}
