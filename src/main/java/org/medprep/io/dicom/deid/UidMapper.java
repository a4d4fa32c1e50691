package org.medprep.io.dicom.deid;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Replaces UIDs consistently: the same original UID gives the same new UID in every file of a run
 * and in every run with the same key, so studies, series and references between objects stay intact.
 * The new UID is {@code 2.25.<decimal of the first 128 bits of HMAC-SHA256(key, uid)>} (PS3.5 B.2:
 * a UUID-derived root; at most 4 + 39 = 43 characters, no leading zeros since BigInteger's decimal
 * form has none). Thread-safe.
 */
public final class UidMapper {

	private final DeidKey key;
	private final ConcurrentHashMap<String, String> cache = new ConcurrentHashMap<>();

	public UidMapper(final DeidKey key) {
		this.key = key;
	}

	/** The replacement for one UID (trailing NUL/space padding ignored). Empty stays empty. */
	public String map(final String uid) {
		final String u = trimUid(uid);
		if (u.isEmpty()) return u;
		return cache.computeIfAbsent(u, x -> "2.25." + key.hash128("uid", x).toString());
	}

	/** Maps each value of a multi-valued UI string (backslash-separated). */
	public String mapValues(final String uids) {
		final String[] parts = trimUid(uids).split("\\\\", -1);
		final StringBuilder sb = new StringBuilder();
		for (int i = 0; i < parts.length; i++) {
			if (i > 0) sb.append('\\');
			sb.append(map(parts[i]));
		}
		return sb.toString();
	}

	/** True for UIDs defined by the standard itself (SOP classes, transfer syntaxes, coding schemes). */
	public static boolean isStandardUid(final String uid) {
		return trimUid(uid).startsWith("1.2.840.10008.");
	}

	static String trimUid(final String uid) {
		int end = uid.length();
		while (end > 0 && (uid.charAt(end - 1) == 0 || uid.charAt(end - 1) == ' ')) end--;
		int start = 0;
		while (start < end && uid.charAt(start) == ' ') start++;
		return uid.substring(start, end);
	}
}
