package org.medprep.testutil;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Byte-level edits of explicit VR little endian test files, for bad-input tests. */
public final class DicomBytes {

	private DicomBytes() {}

	/** The file's bytes with the value of the DS element {@code tag} replaced (same length, space padded). */
	public static byte[] withDs(final Path file, final int tag, final String value) throws java.io.IOException {
		final byte[] b = Files.readAllBytes(file);
		final byte[] head = { (byte) (tag >>> 16), (byte) (tag >>> 24), (byte) tag, (byte) (tag >>> 8), 'D', 'S' };
		final int at = indexOf(b, head);
		final int len = (b[at + 6] & 0xFF) | (b[at + 7] & 0xFF) << 8;
		final byte[] v = value.getBytes(StandardCharsets.US_ASCII);
		if (v.length > len) throw new IllegalArgumentException(value + " does not fit " + len + " bytes");
		Arrays.fill(b, at + 8, at + 8 + len, (byte) ' ');
		System.arraycopy(v, 0, b, at + 8, v.length);
		return b;
	}

	public static int indexOf(final byte[] hay, final byte[] needle) {
		outer: for (int i = 0; i <= hay.length - needle.length; i++) {
			for (int j = 0; j < needle.length; j++)
				if (hay[i + j] != needle[j]) continue outer;
			return i;
		}
		throw new AssertionError("pattern not found");
	}
}
