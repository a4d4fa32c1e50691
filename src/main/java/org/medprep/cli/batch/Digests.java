package org.medprep.cli.batch;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 digests of text, as hex: for UIDs in case names, pipelines and inputs in the manifest, derived seeds. */
public final class Digests {

	private Digests() {}

	public static byte[] sha256(final String text) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
		}
	}

	/** The first {@code hexDigits} hex digits of the SHA-256 of the text's UTF-8 bytes. */
	public static String sha256Hex(final String text, final int hexDigits) {
		final byte[] d = sha256(text);
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; sb.length() < hexDigits && i < d.length; i++) sb.append(String.format("%02x", d[i] & 0xff));
		return sb.substring(0, Math.min(hexDigits, sb.length()));
	}
}
