package org.medprep.io.dicom;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;

import org.medprep.io.dicom.codec.CodecException;
import org.medprep.io.dicom.codec.Codecs;
import org.medprep.io.dicom.codec.FrameDecoder;
import org.medprep.io.dicom.codec.FrameSpec;

/**
 * Reads the stored values of one frame into a primitive plane array (byte[],
 * short[], int[], float[] or double[], x fastest): native data swapped for
 * big endian, encapsulated data decoded by the transfer syntax's
 * {@link FrameDecoder}; integer samples masked to Bits Stored with sign
 * extension from High Bit.
 */
final class PixelReader {

	private PixelReader() {}

	/** Whether the frame's pixel data is encapsulated (compressed), whatever the transfer syntax claims. */
	static boolean isEncapsulated(final DicomFrame frame) {
		return frame.transferSyntax().isEncapsulated() || frame.pixelData().isEncapsulated() || frame.pixelData().hasUndefinedLength();
	}

	/**
	 * Checks, before anything is allocated, that the frame can be decoded: native
	 * pixel data, or an encapsulated syntax MedPrep has a decoder for.
	 *
	 * @throws DicomException naming the file, the transfer syntax and how to decompress the files otherwise
	 */
	static void checkDecodable(final DicomFrame frame) throws DicomException {
		if (!isEncapsulated(frame)) return;
		final TransferSyntax ts = frame.transferSyntax();
		if (!ts.isEncapsulated())
			throw new DicomException(frame.source() + ": pixel data is encapsulated but the transfer syntax " + ts.uid() + " (" + ts.name()
				+ ") is native; rewrite the file, e.g. gdcmconv --raw IN OUT (GDCM)");
		final java.util.Optional<String> why = Codecs.unavailable(ts.uid());
		if (why.isPresent())
			throw new DicomException(frame.source() + ": pixel data is encapsulated with transfer syntax " + ts.uid() + " (" + ts.name()
				+ "), which MedPrep does not decode here: " + why.get() + "; or decompress the files first, e.g. " + ts.decompressHint());
	}

	/**
	 * Refuses a NumberOfFrames that the encapsulated pixel data cannot hold
	 * (every frame needs at least one 8-byte fragment item), before anything is
	 * allocated per frame.
	 */
	static void checkFrameCount(final DicomFile file, final DicomElement pixels, final PixelFormat format) throws DicomException {
		if (!pixels.isEncapsulated() && !pixels.hasUndefinedLength() && !file.transferSyntax().isEncapsulated()) return;
		final long room;
		if (pixels.isEncapsulated()) room = 8L * Math.max(0, pixels.fragments().size() - 1);
		else if (file.path().isPresent() && pixels.valueOffset() >= 0 && !file.transferSyntax().isDeflated()) {
			try {
				room = java.nio.file.Files.size(file.path().get()) - pixels.valueOffset();
			}
			catch (final IOException e) {
				throw new DicomException(file.source() + ": cannot read: " + e.getMessage(), e);
			}
		}
		else return; // deflated: the per-frame positions the frames need are checked against the parsed data
		if (format.frames() > room / 8)
			throw new DicomException(file.source() + ": NumberOfFrames " + format.frames() + " is more than the encapsulated pixel data can hold ("
				+ Math.max(0, room) + " bytes, and each frame needs a fragment)");
	}

	/** True when the whole native pixel data value must be read first (deflated files, where it is not addressable). */
	static boolean needsWholePixelData(final DicomFrame frame) {
		final DicomElement e = frame.pixelData();
		return !isEncapsulated(frame) && !e.isLoaded() && !e.isInFile();
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
		if (isEncapsulated(frame)) {
			decode(frame, plane);
			return;
		}
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
		switch (f.bitsAllocated()) {
			case 8: buf.get((byte[]) plane, 0, n); break;
			case 16: buf.asShortBuffer().get((short[]) plane, 0, n); break;
			default: buf.asIntBuffer().get((int[]) plane, 0, n);
		}
		keepStoredBits(f, plane);
	}

	/** Decodes one frame of encapsulated pixel data, then keeps its stored bits as for native data. */
	private static void decode(final DicomFrame frame, final Object plane) throws DicomException {
		checkDecodable(frame);
		final PixelFormat f = frame.format();
		if (f.kind() != PixelFormat.Kind.INTEGER)
			throw new DicomException(frame.source() + ": float pixel data cannot be encapsulated");
		final String where = frame.source() + (f.frames() > 1 ? " frame " + (frame.frameIndex() + 1) : "");
		final EncapsulatedPixelData frames = frame.file().encapsulatedPixelData(f.frames());
		final byte[] data = frames.frame(frame.frameIndex());
		if (data.length == 0) throw new DicomException(where + ": the frame's compressed data is empty (zero-length fragments)");
		final FrameDecoder decoder = Codecs.decoder(frame.transferSyntax().uid()).get();
		try {
			decoder.decode(data, new FrameSpec(f.rows(), f.columns(), f.bitsAllocated(), f.bitsStored()), plane);
		}
		catch (final CodecException e) {
			throw new DicomException(where + ": " + e.getMessage() + " (" + frame.transferSyntax().name() + ")", e);
		}
		keepStoredBits(f, plane);
	}

	/** Masks integer samples to Bits Stored (from High Bit down) and sign-extends them for Pixel Representation 1. */
	private static void keepStoredBits(final PixelFormat f, final Object plane) {
		final int bs = f.bitsStored();
		if (bs >= f.bitsAllocated()) return;
		final int n = f.rows() * f.columns();
		final int shift = f.highBit() + 1 - bs;
		final int m = (1 << bs) - 1;
		final int signBit = 1 << (bs - 1);
		final boolean signed = f.isSigned();
		if (plane instanceof byte[]) {
			final byte[] p = (byte[]) plane;
			for (int i = 0; i < n; i++) p[i] = (byte) fix(p[i] & 0xFF, shift, m, signBit, signed);
		}
		else if (plane instanceof short[]) {
			final short[] p = (short[]) plane;
			for (int i = 0; i < n; i++) p[i] = (short) fix(p[i] & 0xFFFF, shift, m, signBit, signed);
		}
		else {
			final int[] p = (int[]) plane;
			for (int i = 0; i < n; i++) p[i] = fix(p[i], shift, m, signBit, signed);
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
