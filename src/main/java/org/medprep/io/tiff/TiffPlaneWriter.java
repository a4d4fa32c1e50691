package org.medprep.io.tiff;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * Writes one 2D grayscale image as an uncompressed baseline TIFF (little
 * endian, one strip): 8-bit, 16-bit unsigned or signed, or 32-bit float, the
 * forms 2D training loaders (PIL, tifffile, ImageJ) read. The pixel size in mm
 * is stored as X/YResolution and in an ImageJ description, so ImageJ opens the
 * slice calibrated.
 */
public final class TiffPlaneWriter {

	/** The stored sample type. */
	public enum Sample {
		UINT8(8, 1), UINT16(16, 1), INT16(16, 2), FLOAT32(32, 3);

		final int bits;
		final int format;

		Sample(final int bits, final int format) {
			this.bits = bits;
			this.format = format;
		}

		int bytes() { return bits / 8; }
	}

	private TiffPlaneWriter() {}

	/**
	 * @param pixels width * height values, row by row
	 * @param pixelWidth pixel size in mm along the columns
	 * @param pixelHeight pixel size in mm along the rows
	 */
	public static void write(final OutputStream out, final double[] pixels, final int width, final int height, final Sample sample,
		final double pixelWidth, final double pixelHeight) throws IOException
	{
		if (pixels.length != (long) width * height) throw new IllegalArgumentException("expected " + width + "x" + height + " values, got " + pixels.length);
		final byte[] description = "ImageJ=1.54p\nunit=mm\n\0".getBytes(StandardCharsets.US_ASCII);
		final int entries = TiffEntries.GRAYSCALE_PLANE;
		final int ifdOffset = 8;
		final int ifdSize = 2 + entries * 12 + 4;
		final int descriptionOffset = ifdOffset + ifdSize;
		final int resolutionOffset = descriptionOffset + description.length + (description.length & 1);
		final int dataOffset = resolutionOffset + 16;
		final int dataBytes = width * height * sample.bytes();
		final ByteBuffer b = ByteBuffer.allocate(dataOffset).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifdOffset);
		b.putShort((short) entries);
		TiffEntries.grayscalePlane(b, width, height, sample, description.length, descriptionOffset, dataOffset, dataBytes, resolutionOffset,
			1); // ResolutionUnit none: the unit is in the ImageJ description
		b.putInt(0); // no next IFD
		b.put(description);
		if ((description.length & 1) == 1) b.put((byte) 0);
		TiffEntries.rational(b, 1 / pixelWidth);
		TiffEntries.rational(b, 1 / pixelHeight);
		out.write(b.array());
		final ByteBuffer row = ByteBuffer.allocate(width * sample.bytes()).order(ByteOrder.LITTLE_ENDIAN);
		for (int y = 0; y < height; y++) {
			row.clear();
			for (int x = 0; x < width; x++) {
				final double v = pixels[y * width + x];
				switch (sample) {
					case UINT8: row.put((byte) Math.round(v)); break;
					case UINT16:
					case INT16: row.putShort((short) Math.round(v)); break;
					default: row.putFloat((float) v);
				}
			}
			out.write(row.array());
		}
	}
}
