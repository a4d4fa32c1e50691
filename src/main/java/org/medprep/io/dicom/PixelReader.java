package org.medprep.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

/**
 * Reads the stored values of one frame into a primitive plane array (byte[],
 * short[], int[], float[] or double[], x fastest), swapping bytes for big
 * endian and masking to Bits Stored with sign extension from High Bit.
 */
final class PixelReader {

	private PixelReader() {}

	/** @throws DicomException naming the transfer syntax and how to decompress, if the pixels are encapsulated */
	static void checkNative(final DicomFrame frame) throws DicomException {
		final TransferSyntax ts = frame.transferSyntax();
		if (ts.isEncapsulated() || frame.pixelData().isEncapsulated() || frame.pixelData().hasUndefinedLength()) {
			throw new DicomException(frame.source() + ": pixel data is encapsulated with transfer syntax " + ts.uid() + " (" + ts.name()
				+ "), which MedPrep does not decode; decompress the files first, e.g. "
				+ (ts.isEncapsulated() ? ts.decompressHint() : "gdcmconv --raw IN OUT (GDCM)"));
		}
	}

	/** The raw bytes of the whole pixel data value when it is not addressable in the file (deflated files). */
	static byte[] wholePixelData(final DicomFrame frame) throws DicomException {
		final DicomElement e = frame.pixelData();
		if (e.isLoaded() || e.isInFile()) return null;
		final Path path = frame.file().path().orElseThrow(() -> new DicomException(frame.source() + ": pixel data was not read"));
		final DicomFile full = DicomParser.read(path, DicomReadOptions.full().withLazyThreshold(Integer.MAX_VALUE));
		return full.pixelData().orElseThrow(() -> new DicomException(frame.source() + ": pixel data vanished on re-reading")).bytes();
	}

	/**
	 * Fills {@code plane} with the frame's stored values.
	 *
	 * @param whole the whole pixel data value if it had to be read (else null: read from the element)
	 */
	static void read(final DicomFrame frame, final byte[] whole, final Object plane) throws DicomException {
		checkNative(frame);
		final PixelFormat f = frame.format();
		final int frameBytes = (int) f.frameBytes();
		final long start = (long) frame.frameIndex() * frameBytes;
		final DicomElement e = frame.pixelData();
		final ByteBuffer buf;
		if (whole != null) buf = ByteBuffer.wrap(whole, (int) start, frameBytes).slice();
		else if (e.isLoaded()) buf = ByteBuffer.wrap(e.bytes(), (int) start, frameBytes).slice();
		else if (e.isInFile()) buf = readFile(e.file(), e.valueOffset() + start, frameBytes, frame.source());
		else throw new DicomException(frame.source() + ": pixel data was not read");
		buf.order(e.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
		final int n = f.rows() * f.columns();
		switch (f.kind()) {
			case FLOAT: buf.asFloatBuffer().get((float[]) plane, 0, n); return;
			case DOUBLE: buf.asDoubleBuffer().get((double[]) plane, 0, n); return;
			default:
		}
		final int bs = f.bitsStored();
		final int shift = f.highBit() + 1 - bs;
		final boolean mask = bs < f.bitsAllocated();
		final int m = bs >= 32 ? -1 : (1 << bs) - 1;
		final int signBit = bs >= 32 ? 0 : 1 << (bs - 1);
		switch (f.bitsAllocated()) {
			case 8: {
				final byte[] p = (byte[]) plane;
				buf.get(p, 0, n);
				if (mask) for (int i = 0; i < n; i++) p[i] = (byte) fix(p[i] & 0xFF, shift, m, signBit, f.isSigned());
				return;
			}
			case 16: {
				final short[] p = (short[]) plane;
				buf.asShortBuffer().get(p, 0, n);
				if (mask) for (int i = 0; i < n; i++) p[i] = (short) fix(p[i] & 0xFFFF, shift, m, signBit, f.isSigned());
				return;
			}
			default: {
				final int[] p = (int[]) plane;
				buf.asIntBuffer().get(p, 0, n);
				if (mask) for (int i = 0; i < n; i++) p[i] = fix(p[i], shift, m, signBit, f.isSigned());
			}
		}
	}

	/** Keeps bits HighBit-BitsStored+1 .. HighBit; sign-extends for Pixel Representation 1. */
	static int fix(final int raw, final int shift, final int mask, final int signBit, final boolean signed) {
		int v = (raw >>> shift) & mask;
		if (signed && (v & signBit) != 0) v |= ~mask;
		return v;
	}

	/** One reusable direct buffer per reading thread: reading a series then allocates no garbage per slice. */
	private static final ThreadLocal<ByteBuffer> BUFFER = new ThreadLocal<>();

	private static ByteBuffer buffer(final int length) {
		ByteBuffer b = BUFFER.get();
		if (b == null || b.capacity() < length) {
			b = ByteBuffer.allocateDirect(Math.max(length, 1 << 16));
			BUFFER.set(b);
		}
		b.clear();
		b.limit(length);
		return b;
	}

	private static ByteBuffer readFile(final Path file, final long offset, final int length, final String source) throws DicomException {
		final ByteBuffer buf = buffer(length);
		try (FileChannel ch = FileChannel.open(file == null ? Paths.get(source) : file, StandardOpenOption.READ)) {
			long pos = offset;
			while (buf.hasRemaining()) {
				final int r = ch.read(buf, pos);
				if (r < 0) throw new DicomException(source + ": file is shorter than when it was scanned (pixel data ends early)");
				pos += r;
			}
		}
		catch (final DicomException ex) {
			throw ex;
		}
		catch (final IOException ex) {
			throw new DicomException(source + ": cannot read pixel data: " + ex.getMessage(), ex);
		}
		buf.flip();
		return buf;
	}
}
