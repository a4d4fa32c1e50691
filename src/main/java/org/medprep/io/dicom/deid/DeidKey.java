package org.medprep.io.dicom.deid;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret key of a de-identification run: every derived value (new UIDs, pseudonyms, date
 * offsets, output names) is HMAC-SHA256(key, domain + ":" + original), so the same key gives the
 * same output across files and runs, and without the key the originals cannot be recovered by
 * hashing guesses. Each purpose has its own domain string so, e.g., a patient's pseudonym says
 * nothing about the date offset.
 */
public final class DeidKey {

	private final byte[] key;

	/** @throws IllegalArgumentException if the key is null or empty */
	public DeidKey(final String secret) {
		if (secret == null || secret.isEmpty())
			throw new IllegalArgumentException("the de-identification key must not be empty (it makes UIDs and pseudonyms unguessable)");
		this.key = secret.getBytes(StandardCharsets.UTF_8);
	}

	/** HMAC-SHA256(key, domain ":" value). */
	public byte[] hmac(final String domain, final String value) {
		try {
			final Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal((domain + ":" + value).getBytes(StandardCharsets.UTF_8));
		}
		catch (final GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA256 unavailable in this JVM", e);
		}
	}

	/** The first 128 bits of {@link #hmac} as a non-negative integer. */
	public BigInteger hash128(final String domain, final String value) {
		return new BigInteger(1, Arrays.copyOf(hmac(domain, value), 16));
	}

	/** Upper-case hex of the first {@code bytes} bytes of {@link #hmac}. */
	public String hex(final String domain, final String value, final int bytes) {
		final byte[] h = hmac(domain, value);
		final StringBuilder sb = new StringBuilder(2 * bytes);
		for (int i = 0; i < bytes; i++) sb.append(String.format("%02X", h[i] & 0xFF));
		return sb.toString();
	}
}
