package org.medprep.io.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;

import net.imglib2.parallel.Parallelization;

/**
 * A gzip file of one member, inflated whole by ISA-L in one call ({@link NativeGzip#inflate}), for
 * {@link DataStreams#openWhole}. nibabel, ITK, dcm2niix and gzip itself write one member, so this is how
 * most .nii.gz files arrive. The result is only taken when the member's deflate data end exactly where
 * the file's trailer begins, inflate to the trailer's length, and match its CRC-32; every other case gives
 * null and the file is streamed through zlib as before.
 * <p>
 * On a virtual machine fresh memory costs about as much as inflating it, so the compressed file is read
 * while another thread allocates the result, and the planes are then decoded from it on all threads
 * ({@link RawVolumes#read}). Peak memory is the compressed file and the inflated bytes on top of the
 * voxels, for the length of the read; files larger than a quarter of the heap are streamed.
 */
final class WholeGzip {

	private static final int HEADER = 10;
	private static final int TRAILER = 8;
	private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16, RESERVED = 0xe0;

	private WholeGzip() {}

	/** The inflated content, or null when the file is to be streamed instead (see the class comment). */
	static byte[] inflate(final Path file) throws IOException {
		if (!NativeGzip.inflaterAvailable() || !Files.isRegularFile(file)) return null;
		final long length = Files.size(file);
		if (length < HEADER + TRAILER + 2 || length > Integer.MAX_VALUE - 8) return null;
		final byte[] head = new byte[2], tail = new byte[TRAILER];
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			if (!readFully(channel, head, 0) || !readFully(channel, tail, length - TRAILER)) return null;
		}
		if ((head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) return null;
		final long size = littleEndian32(tail, 4) & 0xffffffffL;
		if (size == 0 || size > Integer.MAX_VALUE - 8) return null;
		// deflate grows no data by more than a few bytes in 64 KiB: a length far below the file's is the
		// last of several members, or a size past 4 GiB counted modulo 2^32
		if (size + (size >> 6) + 1024 < length) return null;
		if (length + size > Runtime.getRuntime().maxMemory() / 4) return null;
		final byte[][] got = new byte[2][];
		Parallelization.getTaskExecutor().forEach(Arrays.asList(0, 1), which -> {
			try {
				if (which == 0) got[0] = Files.readAllBytes(file);
				else got[1] = new byte[(int) size];
			}
			catch (final IOException | OutOfMemoryError notNow) {
				// streamed instead: its read reports a file that cannot be read, and needs no second copy
			}
		});
		final byte[] gz = got[0], out = got[1];
		if (gz == null || out == null || gz.length != length) return null;
		final int start = dataStart(gz);
		if (start < 0 || !NativeGzip.inflate(gz, start, gz.length - TRAILER - start, out)) return null;
		final CRC32 crc = new CRC32();
		crc.update(out, 0, out.length);
		return (int) crc.getValue() == littleEndian32(gz, gz.length - TRAILER) ? out : null;
	}

	/** Where the deflate data begin after the member's header (RFC 1952, 2.3), or -1 for a header zlib is to judge. */
	static int dataStart(final byte[] gz) {
		if (gz.length < HEADER + TRAILER || (gz[0] & 0xff) != 0x1f || (gz[1] & 0xff) != 0x8b || gz[2] != 8) return -1;
		final int flags = gz[3] & 0xff;
		if ((flags & RESERVED) != 0) return -1;
		int at = HEADER;
		if ((flags & FEXTRA) != 0) {
			if (at + 2 > gz.length) return -1;
			at += 2 + ((gz[at] & 0xff) | (gz[at + 1] & 0xff) << 8);
		}
		if ((flags & FNAME) != 0) at = afterZero(gz, at);
		if ((flags & FCOMMENT) != 0) at = afterZero(gz, at);
		if (at < 0) return -1;
		if ((flags & FHCRC) != 0) {
			if (at + 2 > gz.length) return -1;
			final CRC32 crc = new CRC32();
			crc.update(gz, 0, at);
			if (((int) crc.getValue() & 0xffff) != ((gz[at] & 0xff) | (gz[at + 1] & 0xff) << 8)) return -1;
			at += 2;
		}
		return at < gz.length - TRAILER ? at : -1;
	}

	private static int afterZero(final byte[] gz, final int from) {
		if (from < 0) return -1;
		for (int i = from; i < gz.length; i++)
			if (gz[i] == 0) return i + 1;
		return -1;
	}

	private static int littleEndian32(final byte[] b, final int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
	}

	private static boolean readFully(final FileChannel channel, final byte[] into, final long position) throws IOException {
		final ByteBuffer buffer = ByteBuffer.wrap(into);
		while (buffer.hasRemaining())
			if (channel.read(buffer, position + buffer.position()) < 0) return false;
		return true;
	}
}
