package org.medprep.io.storage;

import java.util.ArrayList;
import java.util.List;

/**
 * The gzip members MedPrep writes where ISA-L deflates ({@link ParallelDeflateOutputStream}): one per MiB of
 * data, each header carrying an extra field (RFC 1952, 2.3.1.1) with subfield ID "MP" whose 4 bytes give
 * the whole member's length, little-endian. Every gzip reader skips the field; MedPrep's reader uses it to
 * find all members without inflating any, and then inflates them on all threads ({@link WholeGzip}). The
 * field works as BGZF's "BC" does, but a member may be larger than BGZF's 64 KiB, so it has its own ID.
 */
final class GzipMembers {

	/** A member header's length: the 10 fixed bytes, the extra field's length and its one subfield. */
	static final int HEADER = 10 + 2 + 4 + 4;
	private static final int TRAILER = 8;
	private static final byte SI1 = 'M', SI2 = 'P';
	private static final int FEXTRA = 4;

	private GzipMembers() {}

	/** One member: where it starts, where its deflate data start and end, and its trailer's CRC-32 and length. */
	static final class Member {
		final int start;
		final int data, dataEnd;
		final int crc;
		final int size;

		Member(final int start, final int data, final int dataEnd, final int crc, final int size) {
			this.start = start;
			this.data = data;
			this.dataEnd = dataEnd;
			this.crc = crc;
			this.size = size;
		}
	}

	/** The header of a member {@code memberLength} bytes long, header and trailer included. */
	static byte[] header(final long memberLength) {
		if (memberLength < HEADER + TRAILER || memberLength > 0xffffffffL) throw new IllegalArgumentException("member length " + memberLength);
		return new byte[] { 0x1f, (byte) 0x8b, 8, FEXTRA, 0, 0, 0, 0, 0, (byte) 0xff, 8, 0, SI1, SI2, 4, 0, (byte) memberLength,
			(byte) (memberLength >>> 8), (byte) (memberLength >>> 16), (byte) (memberLength >>> 24) };
	}

	/** Whether the file starts with such a header (its first {@link #HEADER} bytes). */
	static boolean named(final byte[] head) {
		return memberLength(head, 0) > 0;
	}

	/**
	 * The members of a whole file, or null unless it is nothing but members whose headers each give their
	 * length and these lengths add up to the file's.
	 */
	static List<Member> index(final byte[] gz) {
		final List<Member> members = new ArrayList<>();
		int at = 0;
		while (at < gz.length) {
			final long length = memberLength(gz, at);
			if (length <= 0 || at + length > gz.length) return null;
			final int end = (int) (at + length);
			final int size = littleEndian32(gz, end - 4);
			// a member is at most a MiB of data; a negative (over 2 GiB) size is no member of ours
			if (size < 0) return null;
			members.add(new Member(at, at + HEADER, end - TRAILER, littleEndian32(gz, end - TRAILER), size));
			at = end;
		}
		return members.isEmpty() ? null : members;
	}

	/** The length a member header at {@code at} gives, or -1 where there is no such header. */
	private static long memberLength(final byte[] gz, final int at) {
		if (at + HEADER > gz.length) return -1;
		if ((gz[at] & 0xff) != 0x1f || (gz[at + 1] & 0xff) != 0x8b || gz[at + 2] != 8 || gz[at + 3] != FEXTRA) return -1;
		if (gz[at + 10] != 8 || gz[at + 11] != 0 || gz[at + 12] != SI1 || gz[at + 13] != SI2 || gz[at + 14] != 4 || gz[at + 15] != 0) return -1;
		final long length = littleEndian32(gz, at + 16) & 0xffffffffL;
		return length >= HEADER + TRAILER ? length : -1;
	}

	static int littleEndian32(final byte[] b, final int at) {
		return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
	}
}
