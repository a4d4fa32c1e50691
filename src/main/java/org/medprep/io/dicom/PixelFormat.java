package org.medprep.io.dicom;

/**
 * How the stored pixels of an image are laid out: size, bits, signedness,
 * photometric interpretation. MedPrep reads grayscale (one sample per pixel)
 * images with 8, 16 or 32 bits allocated, and float / double float pixel data.
 */
public final class PixelFormat {

	/** Integer pixel data (7FE0,0010), or the float (7FE0,0008) / double (7FE0,0009) variants. */
	public enum Kind { INTEGER, FLOAT, DOUBLE }

	private final int rows;
	private final int columns;
	private final int frames;
	private final int bitsAllocated;
	private final int bitsStored;
	private final int highBit;
	private final boolean signed;
	private final String photometric;
	private final Kind kind;

	PixelFormat(final int rows, final int columns, final int frames, final int bitsAllocated, final int bitsStored,
		final int highBit, final boolean signed, final String photometric, final Kind kind)
	{
		this.rows = rows;
		this.columns = columns;
		this.frames = frames;
		this.bitsAllocated = bitsAllocated;
		this.bitsStored = bitsStored;
		this.highBit = highBit;
		this.signed = signed;
		this.photometric = photometric;
		this.kind = kind;
	}

	/**
	 * Reads and checks the image pixel module of a data set.
	 *
	 * @throws DicomException naming the file and the unsupported or inconsistent value
	 */
	static PixelFormat of(final DicomDataset ds, final int pixelTag) throws DicomException {
		final String src = ds.source();
		final int rows = ds.requireInt(Tags.Rows);
		final int cols = ds.requireInt(Tags.Columns);
		if (rows < 1 || cols < 1) throw new DicomException(src + ": image size " + cols + "x" + rows + " is empty");
		if ((long) rows * cols > Integer.MAX_VALUE / 8)
			throw new DicomException(src + ": image size " + cols + "x" + rows + " is too large for one plane");
		final int frames = ds.getInt(Tags.NumberOfFrames, 1);
		if (frames < 1) throw new DicomException(src + ": NumberOfFrames is " + frames);
		final int samples = ds.getInt(Tags.SamplesPerPixel, 1);
		final String photometric = ds.getString(Tags.PhotometricInterpretation, "MONOCHROME2").toUpperCase(java.util.Locale.ROOT);
		if (samples != 1 || !(photometric.equals("MONOCHROME1") || photometric.equals("MONOCHROME2")))
			throw new DicomException(src + ": colour images are not supported (PhotometricInterpretation " + photometric + ", "
				+ samples + " samples per pixel); MedPrep reads grayscale CT/MR (MONOCHROME1/2)");
		final Kind kind = pixelTag == Tags.FloatPixelData ? Kind.FLOAT : pixelTag == Tags.DoubleFloatPixelData ? Kind.DOUBLE : Kind.INTEGER;
		final int ba = ds.getInt(Tags.BitsAllocated, kind == Kind.DOUBLE ? 64 : kind == Kind.FLOAT ? 32 : -1);
		if (kind == Kind.INTEGER) {
			if (ba != 8 && ba != 16 && ba != 32)
				throw new DicomException(src + ": BitsAllocated " + (ba < 0 ? "is missing" : "= " + ba + " is not supported (8, 16 or 32)"));
			final int bs = ds.getInt(Tags.BitsStored, ba);
			final int hb = ds.getInt(Tags.HighBit, bs - 1);
			if (bs < 1 || bs > ba || hb < bs - 1 || hb >= ba)
				throw new DicomException(src + ": inconsistent BitsAllocated " + ba + ", BitsStored " + bs + ", HighBit " + hb);
			final int pr = ds.getInt(Tags.PixelRepresentation, 0);
			if (pr != 0 && pr != 1) throw new DicomException(src + ": PixelRepresentation must be 0 or 1, got " + pr);
			return new PixelFormat(rows, cols, frames, ba, bs, hb, pr == 1, photometric, kind);
		}
		final int bits = kind == Kind.FLOAT ? 32 : 64;
		return new PixelFormat(rows, cols, frames, bits, bits, bits - 1, true, photometric, kind);
	}

	public int rows() { return rows; }
	public int columns() { return columns; }
	public int frames() { return frames; }
	public int bitsAllocated() { return bitsAllocated; }
	public int bitsStored() { return bitsStored; }
	public int highBit() { return highBit; }
	public boolean isSigned() { return signed; }
	public String photometricInterpretation() { return photometric; }
	public Kind kind() { return kind; }
	public int bytesPerPixel() { return bitsAllocated / 8; }
	public long frameBytes() { return (long) rows * columns * bytesPerPixel(); }

	/** Same layout of stored values (size, bits, sign), so frames can share one image. */
	boolean sameLayout(final PixelFormat o) {
		return rows == o.rows && columns == o.columns && bitsAllocated == o.bitsAllocated && bitsStored == o.bitsStored
			&& highBit == o.highBit && signed == o.signed && kind == o.kind;
	}

	String describe() {
		return columns + "x" + rows + " " + (kind == Kind.INTEGER ? (signed ? "signed " : "unsigned ") + bitsStored + "/" + bitsAllocated + "-bit" : kind.name().toLowerCase());
	}
}
