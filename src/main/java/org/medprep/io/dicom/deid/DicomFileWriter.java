package org.medprep.io.dicom.deid;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.medprep.io.storage.CountingOutputStream;
import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.Encoding;
import org.medprep.io.dicom.TransferSyntax;
import org.medprep.io.dicom.Vr;

/**
 * Writes a Part 10 file from the parser's model, in the transfer syntax of the input (implicit VR LE,
 * explicit VR LE or BE, deflated, or any encapsulated syntax with its fragments passed through).
 * <p>
 * Each element is written as it was coded: same VR bytes (or none for implicit elements, including
 * implicit stretches inside explicit files), same header form, the raw value bytes untouched; a
 * sequence keeps its defined or undefined length (defined lengths recomputed), each item too (items
 * built by the de-identifier, which have no coded length, get undefined length). So an element the
 * de-identifier kept is reproduced byte for byte, with one deliberate exception: a value of odd
 * length (not conformant, PS3.5 7.1.1) is padded to even length (space for text, NUL for UI and
 * binary) and counted. Elements of items inside UN sequences of undefined length are written in
 * implicit VR little endian, as they were read (PS3.5 6.2.2).
 * <p>
 * The file: 128 zero bytes, "DICM", group 0002 in explicit VR LE with a recomputed group length,
 * then the data set (raw-deflated for the deflated syntax, padded to even length).
 */
public final class DicomFileWriter {

	private DicomFileWriter() {}

	/** What a write did. */
	public static final class Result {
		private final int oddLengthsPadded;
		private final long bytes;

		Result(final int oddLengthsPadded, final long bytes) {
			this.oddLengthsPadded = oddLengthsPadded;
			this.bytes = bytes;
		}

		/** Values of odd length that were padded to even length. */
		public int oddLengthsPadded() { return oddLengthsPadded; }
		/** Bytes written. */
		public long bytes() { return bytes; }
	}

	/**
	 * Writes to {@code target} through a temporary file in the same folder and an atomic rename
	 * ({@link AtomicFiles}), so a failed write never leaves a partial file under the target name. The file
	 * gets the permissions of any new file of the process (its umask), like every output of MedPrep.
	 */
	public static Result writeAtomically(final DicomDataset meta, final TransferSyntax ts, final DicomDataset dataset, final Path target)
		throws IOException
	{
		Files.createDirectories(target.toAbsolutePath().getParent());
		final Result[] result = new Result[1];
		AtomicFiles.write(target, out -> result[0] = write(meta, ts, dataset, out));
		return result[0];
	}

	/** Writes the whole file (preamble, meta, data set) to {@code out} (not closed). */
	public static Result write(final DicomDataset meta, final TransferSyntax ts, final DicomDataset dataset, final OutputStream out)
		throws IOException
	{
		final Counter counter = new Counter();
		final CountingOutputStream file = new CountingOutputStream(out);
		file.write(new byte[128]);
		file.write("DICM".getBytes(StandardCharsets.US_ASCII));
		// group 0002: explicit VR little endian, group length first
		final ByteArrayOutputStream metaBytes = new ByteArrayOutputStream(256);
		for (final DicomElement e : meta.elements()) {
			if (e.tag() == 0x00020000) continue;
			writeElement(e, Encoding.EXPLICIT_LITTLE, metaBytes, counter);
		}
		writeHeader(0x00020000, "UL", true, false, 4, file);
		writeU32(metaBytes.size(), false, file);
		metaBytes.writeTo(file);
		if (ts.isDeflated()) {
			final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
			try {
				final DeflaterOutputStream z = new DeflaterOutputStream(new NonClosing(file), deflater, 1 << 16);
				writeDataset(dataset, z, counter);
				z.finish();
			}
			finally {
				deflater.end();
			}
			if (file.count() % 2 == 1) file.write(0); // PS3.5 A.5: pad the deflated stream to even length
		}
		else writeDataset(dataset, file, counter);
		file.flush();
		return new Result(counter.padded, file.count());
	}

	private static void writeDataset(final DicomDataset ds, final OutputStream out, final Counter counter) throws IOException {
		for (final DicomElement e : ds.elements()) writeElement(e, ds.encoding(), out, counter);
	}

	private static void writeElement(final DicomElement e, final Encoding container, final OutputStream out, final Counter counter)
		throws IOException
	{
		final boolean be = container.isBigEndian();
		final boolean explicit = e.isExplicitVr();
		if (e.isEncapsulated()) {
			writeHeader(e.tag(), e.vrCode(), explicit, be, DicomElement.UNDEFINED_LENGTH, out);
			for (final byte[] f : e.fragments()) {
				writeTag(0xFFFEE000, be, out);
				writeU32(f.length, be, out);
				out.write(f);
			}
			writeTag(0xFFFEE0DD, be, out);
			writeU32(0, be, out);
			return;
		}
		if (e.isSequence()) {
			// items of a UN sequence are implicit VR little endian whatever the container (PS3.5 6.2.2)
			final Encoding itemEnc = e.items().isEmpty() ? (e.vr() == Vr.UN ? Encoding.IMPLICIT_LITTLE : container)
				: e.items().get(0).encoding();
			final boolean ibe = itemEnc.isBigEndian();
			if (e.hasUndefinedLength()) {
				writeHeader(e.tag(), e.vrCode(), explicit, be, DicomElement.UNDEFINED_LENGTH, out);
				for (final DicomDataset item : e.items()) writeItem(item, out, counter);
				writeTag(0xFFFEE0DD, ibe, out);
				writeU32(0, ibe, out);
			}
			else {
				final ByteArrayOutputStream body = new ByteArrayOutputStream();
				for (final DicomDataset item : e.items()) writeItem(item, body, counter);
				writeHeader(e.tag(), e.vrCode(), explicit, be, body.size(), out);
				body.writeTo(out);
			}
			return;
		}
		byte[] v = e.bytes();
		if (v.length % 2 == 1) {
			v = DicomDeidentifier.pad(v, e.vr());
			counter.padded++;
		}
		writeHeader(e.tag(), e.vrCode(), explicit, be, v.length, out);
		out.write(v);
	}

	private static void writeItem(final DicomDataset item, final OutputStream out, final Counter counter) throws IOException {
		final boolean be = item.encoding().isBigEndian();
		writeTag(0xFFFEE000, be, out);
		if (item.itemLength() == DicomElement.UNDEFINED_LENGTH || item.itemLength() < 0) {
			writeU32(DicomElement.UNDEFINED_LENGTH, be, out);
			writeDataset(item, out, counter);
			writeTag(0xFFFEE00D, be, out);
			writeU32(0, be, out);
		}
		else {
			final ByteArrayOutputStream body = new ByteArrayOutputStream();
			writeDataset(item, body, counter);
			writeU32(body.size(), be, out);
			body.writeTo(out);
		}
	}

	/** Tag, then (explicit) VR and a 16-bit length or 2 reserved bytes and a 32-bit length, or (implicit) a 32-bit length. */
	private static void writeHeader(final int tag, final String vrCode, final boolean explicit, final boolean be, final long length,
		final OutputStream out) throws IOException
	{
		writeTag(tag, be, out);
		if (!explicit) {
			writeU32(length, be, out);
			return;
		}
		if (vrCode.length() != 2) throw new DicomException("cannot write " + String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF)
			+ ": VR '" + vrCode + "' is not two characters");
		out.write(vrCode.charAt(0));
		out.write(vrCode.charAt(1));
		if (isLongForm(vrCode)) {
			out.write(0);
			out.write(0);
			writeU32(length, be, out);
		}
		else {
			if (length > 0xFFFF) throw new DicomException("cannot write " + String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF) + ": "
				+ length + " bytes do not fit the 16-bit length of VR " + vrCode);
			writeU16((int) length, be, out);
		}
	}

	/** PS3.5 7.1.2; a VR unknown to us uses the 32-bit form (as every future VR will, and as the parser read it). */
	private static boolean isLongForm(final String vrCode) {
		try {
			return Vr.valueOf(vrCode).hasLongLength();
		}
		catch (final IllegalArgumentException e) {
			return true;
		}
	}

	private static void writeTag(final int tag, final boolean be, final OutputStream out) throws IOException {
		writeU16(tag >>> 16, be, out);
		writeU16(tag & 0xFFFF, be, out);
	}

	private static void writeU16(final int v, final boolean be, final OutputStream out) throws IOException {
		if (be) {
			out.write((v >>> 8) & 0xFF);
			out.write(v & 0xFF);
		}
		else {
			out.write(v & 0xFF);
			out.write((v >>> 8) & 0xFF);
		}
	}

	private static void writeU32(final long v, final boolean be, final OutputStream out) throws IOException {
		if (be) {
			writeU16((int) (v >>> 16) & 0xFFFF, true, out);
			writeU16((int) v & 0xFFFF, true, out);
		}
		else {
			writeU16((int) v & 0xFFFF, false, out);
			writeU16((int) (v >>> 16) & 0xFFFF, false, out);
		}
	}

	private static final class Counter {
		int padded;
	}

	/** Lets the deflater finish without closing the file stream under it. */
	private static final class NonClosing extends FilterOutputStream {
		NonClosing(final OutputStream out) {
			super(out);
		}

		@Override
		public void write(final byte[] b, final int off, final int len) throws IOException {
			out.write(b, off, len);
		}

		@Override
		public void close() throws IOException {
			flush();
		}
	}
}
