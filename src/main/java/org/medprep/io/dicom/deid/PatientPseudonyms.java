package org.medprep.io.dicom.deid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

import org.medprep.io.storage.CsvText;

/**
 * The pseudonym that replaces a patient's ID and name, and the per-patient date offset.
 * Either derived from the key ("ANON" + 16 hex digits of HMAC(key, "patient:" + id)), or read from a
 * mapping CSV the user supplies (original PatientID, pseudonym; '#' comments; an optional header row
 * whose second cell contains "pseudonym"). With a mapping, a patient that is not listed is an error
 * for that file (not silently hashed), so an incomplete mapping is noticed.
 */
public final class PatientPseudonyms {

	/** Longest date shift in days (offsets are 1..MAX_OFFSET_DAYS, towards the past). */
	public static final int MAX_OFFSET_DAYS = 365;

	private final DeidKey key;
	private final Map<String, String> mapping;
	private final String mappingName;

	private PatientPseudonyms(final DeidKey key, final Map<String, String> mapping, final String mappingName) {
		this.key = key;
		this.mapping = mapping;
		this.mappingName = mappingName;
	}

	/** Pseudonyms derived from the key. */
	public static PatientPseudonyms hashed(final DeidKey key) {
		return new PatientPseudonyms(key, null, null);
	}

	/**
	 * Pseudonyms from a mapping CSV (date offsets still come from the key).
	 *
	 * @throws IOException if the file cannot be read or a row is malformed (message names file and line,
	 *           never the original ID)
	 */
	public static PatientPseudonyms fromCsv(final DeidKey key, final Path csv) throws IOException {
		final Map<String, String> map = new HashMap<>();
		boolean first = true;
		for (final CsvText.Row row : CsvText.read(new String(Files.readAllBytes(csv), StandardCharsets.UTF_8), csv.toString())) {
			final int lineNo = row.line();
			if (first && row.size() >= 2 && row.get(1).toLowerCase().contains("pseudonym")) {
				first = false;
				continue;
			}
			first = false;
			if (row.size() != 2)
				throw new IOException(csv + " line " + lineNo + ": expected 2 cells (original PatientID, pseudonym), found " + row.size());
			final String id = row.get(0).trim();
			final String pseudo = row.get(1).trim();
			checkPseudonym(pseudo, csv, lineNo);
			if (map.put(id, pseudo) != null) throw new IOException(csv + " line " + lineNo + ": the original PatientID of this row is listed twice");
		}
		if (map.isEmpty()) throw new IOException(csv + ": the mapping CSV lists no patient");
		return new PatientPseudonyms(key, Collections.unmodifiableMap(map), csv.getFileName().toString());
	}

	private static void checkPseudonym(final String p, final Path csv, final int lineNo) throws IOException {
		if (p.isEmpty() || p.length() > 64)
			throw new IOException(csv + " line " + lineNo + ": pseudonym must have 1 to 64 characters (LO)");
		for (int i = 0; i < p.length(); i++) {
			final char c = p.charAt(i);
			if (c < 0x20 || c > 0x7E || c == '\\' || c == '^' || c == '=')
				throw new IOException(csv + " line " + lineNo + ": pseudonym may hold printable ASCII except \\ ^ = (used by LO/PN)");
		}
	}

	/**
	 * The pseudonym for an original Patient ID (padding trimmed).
	 *
	 * @throws DeidException if a mapping is used and does not list this patient
	 */
	public String pseudonym(final String originalId) throws DeidException {
		final String id = originalId.trim();
		if (mapping == null) return "ANON" + key.hex("patient", id, 8);
		final String p = mapping.get(id);
		if (p == null) throw new DeidException("patient ID not listed in the mapping CSV " + mappingName + " (value not shown)");
		return p;
	}

	/** Days (1..365) to subtract from this patient's dates with the Modified Dates option. */
	public int dateOffsetDays(final String originalId) {
		final byte[] h = key.hmac("date-offset", originalId.trim());
		final int v = ((h[0] & 0xFF) << 8) | (h[1] & 0xFF);
		return 1 + v % MAX_OFFSET_DAYS;
	}
}
