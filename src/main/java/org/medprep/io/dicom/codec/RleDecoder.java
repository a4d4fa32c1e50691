package org.medprep.io.dicom.codec;

/**
 * DICOM RLE Lossless (PS3.5 Annex G): a 64-byte header (number of segments,
 * then 15 segment offsets, little endian), then one PackBits-coded segment per
 * byte plane, most significant byte first. Grayscale frames only (one sample
 * per pixel), so there are 1, 2 or 4 segments.
 */
public final class RleDecoder implements FrameDecoder {

	private static final int HEADER = 64;

	@Override
	public void decode(final byte[] data, final FrameSpec spec, final Object plane) throws CodecException {
		spec.checkPlane(plane);
		if (data.length < HEADER) throw new CodecException("RLE frame of " + data.length + " bytes is shorter than its 64-byte header");
		final int bytesPerPixel = spec.bitsAllocated() / 8;
		final long segments = u32(data, 0);
		if (segments != bytesPerPixel)
			throw new CodecException("RLE header declares " + segments + " segments; a " + spec + " frame needs " + bytesPerPixel);
		final int n = spec.pixels();
		final byte[] bytePlane = bytesPerPixel == 1 ? (byte[]) plane : new byte[n];
		for (int s = 0; s < segments; s++) {
			final long start = u32(data, 4 + 4 * s);
			final long end = s + 1 < segments ? u32(data, 8 + 4 * s) : data.length;
			if (start < HEADER || start > end || end > data.length)
				throw new CodecException("RLE segment " + (s + 1) + " has offsets " + start + ".." + end + " outside the frame of "
					+ data.length + " bytes");
			unpack(data, (int) start, (int) end, bytePlane, s + 1);
			if (bytesPerPixel > 1) merge(bytePlane, plane, 8 * (bytesPerPixel - 1 - s));
		}
	}

	/** PackBits: n in 0..127 copies n + 1 bytes, n in -127..-1 repeats the next byte 1 - n times, -128 is a no-op. */
	private static void unpack(final byte[] src, final int start, final int end, final byte[] dst, final int segment) throws CodecException {
		int in = start;
		int out = 0;
		final int n = dst.length;
		while (out < n) {
			if (in >= end)
				throw new CodecException("RLE segment " + segment + " ends after " + out + " of " + n + " bytes");
			final int h = src[in++];
			if (h >= 0) {
				final int count = h + 1;
				if (in + count > end) throw new CodecException("RLE segment " + segment + ": a literal run goes past the segment's end");
				final int k = Math.min(count, n - out); // encoders may pad the last run: the excess is dropped
				System.arraycopy(src, in, dst, out, k);
				in += count;
				out += k;
			}
			else if (h != -128) {
				if (in >= end) throw new CodecException("RLE segment " + segment + ": a replicate run has no byte to repeat");
				final byte b = src[in++];
				final int k = Math.min(1 - h, n - out);
				for (int i = 0; i < k; i++) dst[out + i] = b;
				out += k;
			}
		}
	}

	private static void merge(final byte[] bytePlane, final Object plane, final int shift) {
		if (plane instanceof short[]) {
			final short[] p = (short[]) plane;
			if (shift == 8) for (int i = 0; i < bytePlane.length; i++) p[i] = (short) ((bytePlane[i] & 0xFF) << 8);
			else for (int i = 0; i < bytePlane.length; i++) p[i] |= (short) (bytePlane[i] & 0xFF);
			return;
		}
		final int[] p = (int[]) plane;
		if (shift == 24) for (int i = 0; i < bytePlane.length; i++) p[i] = (bytePlane[i] & 0xFF) << 24;
		else for (int i = 0; i < bytePlane.length; i++) p[i] |= (bytePlane[i] & 0xFF) << shift;
	}

	private static long u32(final byte[] b, final int o) {
		return (b[o] & 0xFFL) | (b[o + 1] & 0xFFL) << 8 | (b[o + 2] & 0xFFL) << 16 | (b[o + 3] & 0xFFL) << 24;
	}
}
