package org.medprep.io.dicom.deid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Where the secret key of a de-identification run comes from, the same way in
 * every host (the "DICOM Anonymize" command in Fiji, macros and
 * {@code medprep anonymize}): the key itself if given, else the first line of
 * a key file, else the environment variable {@value #ENV}. Giving both a key
 * and a key file is a mistake and refused.
 */
public final class DeidKeySource {

	/** Environment variable holding the key when neither a key nor a key file is given. */
	public static final String ENV = "MEDPREP_DEID_KEY";

	private DeidKeySource() {}

	/**
	 * @param key the key, or null / empty
	 * @param keyFile a file whose first line is the key, or null
	 * @throws IllegalArgumentException when both are given, the file is empty or unreadable, or there is no key at all
	 */
	public static String resolve(final String key, final Path keyFile) {
		return resolve(key, keyFile, System.getenv(ENV));
	}

	/** {@link #resolve(String, Path)} with the environment's value given (for tests). */
	static String resolve(final String key, final Path keyFile, final String environment) {
		final boolean hasKey = key != null && !key.isEmpty();
		final boolean hasFile = keyFile != null && !keyFile.toString().isEmpty();
		if (hasKey && hasFile) throw new IllegalArgumentException("give the key once: the key or a key file, not both");
		if (hasKey) return key;
		if (hasFile) {
			final List<String> lines;
			try {
				lines = Files.readAllLines(keyFile, StandardCharsets.UTF_8);
			}
			catch (final IOException e) {
				throw new IllegalArgumentException("cannot read the key file " + keyFile + ": " + org.medprep.io.UserMessages.oneLine(e), e);
			}
			if (lines.isEmpty() || lines.get(0).trim().isEmpty()) throw new IllegalArgumentException("key file " + keyFile + " is empty");
			return lines.get(0).trim();
		}
		if (environment != null && !environment.isEmpty()) return environment;
		throw new IllegalArgumentException("no key: give a key file, a key, or set $" + ENV);
	}
}
