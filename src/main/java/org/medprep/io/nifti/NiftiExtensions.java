package org.medprep.io.nifti;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * NIfTI header extensions: after the header, a 4-byte flag (first byte non-zero
 * when extensions follow), then blocks of {@code esize} (a multiple of 16,
 * including its 8-byte head), {@code ecode}, data. MedPrep writes its history
 * as a comment extension (ecode 6) whose text starts with {@value #MARKER}.
 */
final class NiftiExtensions {

	static final int ECODE_COMMENT = 6;
	static final String MARKER = "MedPrep history\n";
	/** Extensions larger than this are skipped unread (the history is a few kB). */
	static final int MAX_READ = 1 << 20;

	private NiftiExtensions() {}

	static byte[] historyExtension(final String history) {
		final byte[] text = (MARKER + history).getBytes(StandardCharsets.UTF_8);
		final int size = (8 + text.length + 15) / 16 * 16;
		final ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
		b.putInt(size).putInt(ECODE_COMMENT).put(text);
		return b.array();
	}

	/** The history in {@code bytes} (flag + extensions, as they follow the header), or null. Malformed blocks end the search. */
	static String history(final byte[] bytes, final ByteOrder order) {
		if (bytes.length < 4 || bytes[0] == 0) return null;
		final ByteBuffer b = ByteBuffer.wrap(bytes).order(order);
		int at = 4;
		while (at + 8 <= bytes.length) {
			final int size = b.getInt(at), code = b.getInt(at + 4);
			if (size < 16 || size % 16 != 0 || size > bytes.length - at) return null;
			if (code == ECODE_COMMENT) {
				final String text = new String(bytes, at + 8, size - 8, StandardCharsets.UTF_8);
				if (text.startsWith(MARKER)) return text.substring(MARKER.length()).replaceAll("\u0000+$", "");
			}
			at += size;
		}
		return null;
	}
}
