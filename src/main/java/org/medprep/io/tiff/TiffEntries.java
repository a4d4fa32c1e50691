package org.medprep.io.tiff;

import java.nio.ByteBuffer;

/**
 * The directory entries MedPrep's TIFF writers share: one 12-byte entry, a
 * rational, and the fifteen tags of an uncompressed grayscale plane stored as
 * one strip (the first directory of a single plane and of a stack alike).
 */
final class TiffEntries {

	/** How many entries {@link #grayscalePlane} writes. */
	static final int GRAYSCALE_PLANE = 15;

	private TiffEntries() {}

	/**
	 * Entries 254 to 339 in ascending tag order, as TIFF requires: size, sample type, the description
	 * and the resolutions by their offsets, the plane as one strip.
	 */
	static void grayscalePlane(final ByteBuffer b, final int width, final int height, final TiffPlaneWriter.Sample sample, final int descriptionLength,
		final long descriptionAt, final long stripAt, final long stripBytes, final long resolutionAt, final int resolutionUnit)
	{
		entry(b, 254, 4, 1, 0); // NewSubfileType
		entry(b, 256, 4, 1, width);
		entry(b, 257, 4, 1, height);
		entry(b, 258, 3, 1, sample.bits); // BitsPerSample
		entry(b, 259, 3, 1, 1); // no compression
		entry(b, 262, 3, 1, 1); // BlackIsZero
		entry(b, 270, 2, descriptionLength, descriptionAt); // ImageDescription
		entry(b, 273, 4, 1, stripAt); // StripOffsets
		entry(b, 277, 3, 1, 1); // SamplesPerPixel
		entry(b, 278, 4, 1, height); // RowsPerStrip
		entry(b, 279, 4, 1, stripBytes); // StripByteCounts
		entry(b, 282, 5, 1, resolutionAt); // XResolution
		entry(b, 283, 5, 1, resolutionAt + 8); // YResolution
		entry(b, 296, 3, 1, resolutionUnit);
		entry(b, 339, 3, 1, sample.format); // SampleFormat
	}

	/** One entry; a single SHORT sits in the first two bytes of the value field. */
	static void entry(final ByteBuffer b, final int tag, final int type, final long count, final long value) {
		b.putShort((short) tag).putShort((short) type).putInt((int) count);
		if (type == 3 && count == 1) b.putShort((short) value).putShort((short) 0);
		else b.putInt((int) value);
	}

	/** A positive rational with a denominator of 1e6 (micro-precision). */
	static void rational(final ByteBuffer b, final double v) {
		b.putInt((int) Math.min(Integer.MAX_VALUE, Math.round(v * 1_000_000))).putInt(1_000_000);
	}
}
