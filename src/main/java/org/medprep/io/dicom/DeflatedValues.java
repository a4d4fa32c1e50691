package org.medprep.io.dicom;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

import org.medprep.io.UserMessages;

/**
 * Reads one value of a deflated data set (Deflated Explicit VR Little Endian,
 * PS3.5 A.5) again from the file, by inflating the stream up to it. The parser
 * leaves large values of deflated files in the file this way, so a small file
 * that inflates to a huge private element never fills the memory unless that
 * value is asked for.
 */
final class DeflatedValues {

	private DeflatedValues() {}

	/**
	 * @param deflatedStart file offset of the raw deflate stream (after the meta group)
	 * @param inflatedOffset offset of the value in the inflated data set
	 */
	static byte[] read(final Path file, final long deflatedStart, final long inflatedOffset, final long length, final String what)
		throws DicomException
	{
		if (length > Integer.MAX_VALUE - 8)
			throw new DicomException(file + ": value of " + what + " is " + length + " bytes, too large for one array");
		try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
			long skip = deflatedStart;
			while (skip > 0) {
				final long s = raw.skip(skip);
				if (s <= 0) throw new DicomException(file + ": file is shorter than when it was parsed (reading " + what + ")");
				skip -= s;
			}
			// raw RFC 1951 data; the extra byte keeps Inflater(nowrap) happy at the end, as when parsing
			final InputStream inflated = new InflaterInputStream(new SequenceInputStream(raw, new ByteArrayInputStream(new byte[1])),
				new Inflater(true), 1 << 16);
			final DicomInput in = new DicomInput(inflated, file.toString(), 0, -1);
			in.skip(inflatedOffset, "the deflated data set up to " + what);
			return in.read(length, "the value of " + what);
		}
		catch (final DicomException e) {
			throw e;
		}
		catch (final IOException e) {
			throw new DicomException(file + ": cannot read " + what + ": " + UserMessages.oneLine(e), e);
		}
	}
}
