package org.medprep.io.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.CRC32;

import net.imglib2.parallel.Parallelization;

/**
 * A gzip file opened whole for {@link DataStreams#openWhole}, where that is faster than streaming it:
 * <ul>
 * <li>One member (nibabel, ITK, dcm2niix and gzip itself write one, so this is how most .nii.gz files
 * arrive): by ISA-L in one call ({@link NativeGzip#inflate}). The result is only taken when the member's
 * deflate data end exactly where the file's trailer begins, inflate to the trailer's length, and match its
 * CRC-32.</li>
 * <li>Members whose headers give their lengths ({@link GzipMembers}, what MedPrep writes with ISA-L): each
 * member on a thread of its own, by ISA-L or else zlib, each checked against its own trailer, straight into
 * the planes ({@link InflatedMembers}).</li>
 * </ul>
 * Every other file (several members of another writer, damage, a file too large) gives null and is
 * streamed through zlib as before, which also names what is wrong with a bad one.
 * <p>
 * On a virtual machine fresh memory costs about as much as inflating it, so for one member the compressed
 * file is read while another thread allocates the result, and the planes are then decoded from it on all
 * threads ({@link RawVolumes#read}); peak memory is then the compressed file and the inflated bytes on top
 * of the voxels, for the length of the read. Members are inflated straight into the planes, so only the
 * compressed file is held beside them. Files that would not fit in a quarter of the heap are streamed.
 */
final class WholeGzip {

	private static final int HEADER = 10;
	private static final int TRAILER = 8;
	private static final int FHCRC = 2, FEXTRA = 4, FNAME = 8, FCOMMENT = 16, RESERVED = 0xe0;

	private WholeGzip() {}

	/** The inflated content, or null when the file is to be streamed instead (see the class comment). */
	static WholeContent inflate(final Path file) throws IOException {
		return inflate(file, null);
	}

	/** {@link #inflate(Path)}; for one member, the planes {@code prefetch} plans are allocated during the inflate. */
	static WholeContent inflate(final Path file, final PlanePrefetch prefetch) throws IOException {
		if (!Files.isRegularFile(file)) return null;
		final long length = Files.size(file);
		if (length < HEADER + TRAILER + 2 || length > Integer.MAX_VALUE - 8) return null;
		final byte[] head = new byte[GzipMembers.HEADER], tail = new byte[TRAILER];
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			if (!readFully(channel, head, 0) || !readFully(channel, tail, length - TRAILER)) return null;
		}
		if (GzipMembers.named(head)) return members(file, length);
		return NativeGzip.inflaterAvailable() ? oneMember(file, length, head, tail, prefetch) : null;
	}

	/** A file of one member: ISA-L's single call (zlib would be no faster than streaming). */
	private static InflatedBytes oneMember(final Path file, final long length, final byte[] head, final byte[] tail, final PlanePrefetch prefetch) {
		if ((head[0] & 0xff) != 0x1f || (head[1] & 0xff) != 0x8b) return null;
		final long size = GzipMembers.littleEndian32(tail, 4) & 0xffffffffL;
		if (size == 0 || size > Integer.MAX_VALUE - 8) return null;
		// deflate grows no data by more than a few bytes in 64 KiB: a length far below the file's is the
		// last of several members, or a size past 4 GiB counted modulo 2^32
		if (size + (size >> 6) + 1024 < length || !fits(length + size)) return null;
		final byte[][] got = new byte[2][];
		Parallelization.getTaskExecutor().forEach(Arrays.asList(0, 1), which -> {
			try {
				if (which == 0) got[0] = Files.readAllBytes(file);
				else got[1] = new byte[(int) size + 1]; // one byte more: a stream longer than the trailer says shows
			}
			catch (final IOException | OutOfMemoryError notNow) {
				// streamed instead: its read reports a file that cannot be read, and needs no second copy
			}
		});
		final byte[] gz = got[0], out = got[1];
		if (gz == null || out == null || gz.length != length) return null;
		final int start = dataStart(gz);
		if (start < 0) return null;
		final boolean[] inflated = { false };
		final List<Object> planes = new ArrayList<>();
		Parallelization.getTaskExecutor().forEach(Arrays.asList(0, 1), which -> {
			if (which == 0) inflated[0] = NativeGzip.inflate(gz, start, gz.length - TRAILER - start, out, (int) size);
			else if (prefetch != null) planes.addAll(prefetched(prefetch, gz, start, size));
		});
		if (!inflated[0] || crc(out, 0, (int) size) != GzipMembers.littleEndian32(gz, gz.length - TRAILER)) return null;
		final InflatedBytes content = new InflatedBytes(out, (int) size);
		content.prepared(planes);
		return content;
	}

	/** The planes {@code prefetch} plans from the first 64 KiB of the content (zlib-inflated here), allocated; none if anything fails. */
	private static List<Object> prefetched(final PlanePrefetch prefetch, final byte[] gz, final int start, final long size) {
		final List<Object> planes = new ArrayList<>();
		final Inflater z = new Inflater(true);
		try {
			z.setInput(gz, start, gz.length - TRAILER - start);
			final byte[] head = new byte[(int) Math.min(size, 1 << 16)];
			int n = 0;
			while (n < head.length && !z.finished()) {
				final int k = z.inflate(head, n, head.length - n);
				if (k == 0) break;
				n += k;
			}
			long bytes = 0;
			final List<PlanePrefetch.Planes> plan = prefetch.plan(Arrays.copyOf(head, n), size);
			for (final PlanePrefetch.Planes p : plan) bytes = Math.addExact(bytes, Math.multiplyExact(p.count, (long) p.voxels * p.type.bytes()));
			if (bytes > size) return planes;
			for (final PlanePrefetch.Planes p : plan)
				for (long i = 0; i < p.count; i++) planes.add(p.type.newArray(p.voxels));
		}
		catch (final Exception | OutOfMemoryError ignored) {
			// the read allocates as it goes, and reports what is wrong
			planes.clear();
		}
		finally {
			z.end();
		}
		return planes;
	}

	/**
	 * A file of members whose headers give their lengths (MedPrep's, {@link GzipMembers}): read whole, and
	 * inflated member by member as it is read ({@link InflatedMembers}); by ISA-L where it loads, else by zlib.
	 */
	private static WholeContent members(final Path file, final long length) throws IOException {
		if (!fits(length)) return null;
		final byte[] gz;
		try {
			gz = Files.readAllBytes(file);
		}
		catch (final OutOfMemoryError notNow) {
			return null;
		}
		final List<GzipMembers.Member> members = GzipMembers.index(gz);
		if (members == null) return null;
		// no voxel may span more than two members: only the last may be shorter than 8 bytes (ours are a MiB)
		for (int i = 0; i < members.size() - 1; i++)
			if (members.get(i).size < 8) return null;
		return new InflatedMembers(gz, members, NativeGzip.inflaterAvailable());
	}

	/**
	 * A member's content, inflated by ISA-L or zlib and checked against its trailer's CRC-32 and length; else
	 * null. The array has one byte more than the content (see {@link NativeGzip#inflate}).
	 */
	static byte[] member(final byte[] gz, final GzipMembers.Member m, final boolean isal) {
		final byte[] out = new byte[m.size + 1];
		return member(gz, m, isal, out) ? out : null;
	}

	/** {@link #member} into {@code out} (at least one byte longer than the content): whether it came out right. */
	static boolean member(final byte[] gz, final GzipMembers.Member m, final boolean isal, final byte[] out) {
		return inflateMember(gz, m, out, isal) && crc(out, 0, m.size) == m.crc;
	}

	/** Inflates one member's deflate data into {@code out} by ISA-L or zlib: true only if they give exactly its size and end there. */
	private static boolean inflateMember(final byte[] gz, final GzipMembers.Member m, final byte[] out, final boolean isal) {
		final int length = m.dataEnd - m.data;
		if (m.size > 0 && isal) return NativeGzip.inflate(gz, m.data, length, out, m.size);
		final Inflater z = new Inflater(true);
		try {
			z.setInput(gz, m.data, length);
			int n = 0;
			while (n < out.length && !z.finished()) {
				final int k = z.inflate(out, n, out.length - n);
				n += k;
				// no progress with room left and not at the end: cut short, or a dictionary no member of ours has
				if (k == 0 && !z.finished()) return false;
			}
			return n == m.size && z.finished() && z.getRemaining() == 0;
		}
		catch (final DataFormatException corrupt) {
			return false;
		}
		finally {
			z.end();
		}
	}

	/** Whether {@code bytes} more fit comfortably: a quarter of the heap at most, else the file is streamed. */
	private static boolean fits(final long bytes) {
		return bytes <= Runtime.getRuntime().maxMemory() / 4;
	}

	private static int crc(final byte[] b, final int off, final int n) {
		final CRC32 crc = new CRC32();
		crc.update(b, off, n);
		return (int) crc.getValue();
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
			if ((crc(gz, 0, at) & 0xffff) != ((gz[at] & 0xff) | (gz[at + 1] & 0xff) << 8)) return -1;
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

	private static boolean readFully(final FileChannel channel, final byte[] into, final long position) throws IOException {
		final ByteBuffer buffer = ByteBuffer.wrap(into);
		while (buffer.hasRemaining())
			if (channel.read(buffer, position + buffer.position()) < 0) return false;
		return true;
	}
}
