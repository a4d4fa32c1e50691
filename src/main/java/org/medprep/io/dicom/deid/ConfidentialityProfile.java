package org.medprep.io.dicom.deid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.medprep.io.storage.CsvText;

/**
 * PS3.15 Annex E Table E.1-1 (Basic Application Level Confidentiality Profile, 2024b) in memory.
 * <p>
 * Loaded from the resource {@code deid-basic-profile.csv} beside this class: a copy of
 * ../shared/reference/deid-basic-profile.csv (the project's reference folder), machine-parsed from the NEMA HTML by
 * innolitics/dicom-standard (rev 2024b) and cross-checked against Orthanc and
 * KitwareMedical/dicom-anonymizer (see the comment lines at the top of the file).
 * <p>
 * <b>Compound actions.</b> The table lets the IOD's attribute type choose between X, Z and D. Without
 * the IOD tables we take the stricter choice: X when it is allowed, else Z, else D
 * ({@link #resolveCompound}). The exception is X/Z/U* (Referenced Image Sequence, Source Image
 * Sequence): it resolves to U, i.e. the sequence is kept and every UID inside is replaced by the same
 * mapping as the referenced objects, because the issue requires references between de-identified
 * objects to keep resolving; what else those items hold is de-identified recursively like any item.
 * <p>
 * Private attributes (odd groups) are the row "(gggg,eeee) where gggg is odd": X, or C with Retain
 * Safe Private; they are not returned by {@link #entryFor(int)}.
 */
public final class ConfidentialityProfile {

	/** Name of the bundled table resource. */
	public static final String RESOURCE = "deid-basic-profile.csv";

	private static final String[] OPTION_COLUMNS = { "retain_long_full_dates", "retain_long_modified_dates",
		"retain_patient_characteristics", "retain_device_identity", "retain_institution_identity", "retain_uids",
		"retain_safe_private", "clean_descriptors", "clean_structured_content", "clean_graphics" };

	private final List<ProfileEntry> entries;
	private final Map<Integer, ProfileEntry> exact;
	private final List<ProfileEntry> patterns;
	private final ProfileEntry privateAttributes;

	private ConfidentialityProfile(final List<ProfileEntry> entries, final ProfileEntry privateAttributes) {
		this.entries = Collections.unmodifiableList(entries);
		this.privateAttributes = privateAttributes;
		this.exact = new HashMap<>();
		final List<ProfileEntry> pats = new ArrayList<>();
		for (final ProfileEntry e : entries) {
			if (e.mask() == 0xFFFFFFFF) exact.put(e.tag(), e);
			else pats.add(e);
		}
		this.patterns = Collections.unmodifiableList(pats);
	}

	/** The bundled 2024b table (parsed on each call; keep the instance). */
	public static ConfidentialityProfile standard() {
		try (InputStream in = ConfidentialityProfile.class.getResourceAsStream(RESOURCE)) {
			if (in == null) throw new IllegalStateException("resource " + RESOURCE + " missing from the class path");
			return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), RESOURCE);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot read " + RESOURCE, e);
		}
	}

	/** Parses a table in the format of deid-basic-profile.csv ('#' comment lines, then a header row). */
	static ConfidentialityProfile parse(final BufferedReader reader, final String source) throws IOException {
		final List<ProfileEntry> list = new ArrayList<>();
		ProfileEntry priv = null;
		Map<String, Integer> columns = null;
		final StringBuilder text = new StringBuilder();
		for (String line; (line = reader.readLine()) != null;) text.append(line).append('\n');
		for (final CsvText.Row row : CsvText.read(text.toString(), source)) {
			final List<String> cells = row.cells();
			final int lineNo = row.line();
			if (columns == null) {
				columns = new HashMap<>();
				for (int i = 0; i < cells.size(); i++) columns.put(cells.get(i), i);
				for (final String required : new String[] { "tag", "keyword", "name", "basic_profile_action" })
					if (!columns.containsKey(required)) throw new IOException(source + ": header lacks column '" + required + "'");
				for (final String c : OPTION_COLUMNS)
					if (!columns.containsKey(c)) throw new IOException(source + ": header lacks option column '" + c + "'");
				continue;
			}
			final String tagText = cell(cells, columns, "tag");
			final Map<String, DeidAction> opts = new LinkedHashMap<>();
			for (final String c : OPTION_COLUMNS) {
				final String v = cell(cells, columns, c);
				if (!v.isEmpty()) opts.put(c, DeidAction.fromCode(v));
			}
			final String basic = cell(cells, columns, "basic_profile_action");
			final String keyword = cell(cells, columns, "keyword");
			final String name = cell(cells, columns, "name");
			if (tagText.startsWith("(gggg,eeee)")) {
				priv = new ProfileEntry(0x00010000, 0x00010000, "PrivateAttributes", name, basic, opts);
				continue;
			}
			final int[] tm = parseTagPattern(tagText, source, lineNo);
			list.add(new ProfileEntry(tm[0], tm[1], keyword, name, basic, opts));
		}
		if (columns == null) throw new IOException(source + ": no header row");
		if (priv == null) throw new IOException(source + ": no private attributes row '(gggg,eeee) where gggg is odd'");
		return new ConfidentialityProfile(list, priv);
	}

	/**
	 * Resolves a table action code to one action. Single codes map directly. Compound codes take the
	 * stricter choice: X if present, else Z, else D; a compound containing U* (X/Z/U*) gives U.
	 *
	 * @throws IllegalArgumentException for an unknown code
	 */
	public static DeidAction resolveCompound(final String code) {
		if (!code.contains("/")) return DeidAction.fromCode(code);
		final List<String> parts = new ArrayList<>();
		for (final String p : code.split("/")) parts.add(p.trim());
		if (parts.contains("U*")) return DeidAction.REPLACE_UID;
		for (final String p : parts)
			if (!p.equals("X") && !p.equals("Z") && !p.equals("D"))
				throw new IllegalArgumentException("unknown compound de-identification action '" + code + "'");
		if (parts.contains("X")) return DeidAction.REMOVE;
		if (parts.contains("Z")) return DeidAction.ZERO;
		return DeidAction.DUMMY;
	}

	/** All rows except the private-attributes row, in table order. */
	public List<ProfileEntry> entries() { return entries; }

	/** The row "(gggg,eeee) where gggg is odd". */
	public ProfileEntry privateAttributes() { return privateAttributes; }

	/** The row for a standard (even-group) tag, exact rows before patterns such as (60xx,3000). */
	public Optional<ProfileEntry> entryFor(final int tag) {
		final ProfileEntry e = exact.get(tag);
		if (e != null) return Optional.of(e);
		for (final ProfileEntry p : patterns)
			if (p.matches(tag) && ((tag >>> 16) & 1) == 0) return Optional.of(p);
		return Optional.empty();
	}

	/** Action for a standard tag with these options; empty when the table does not list the tag. */
	public Optional<DeidAction> actionFor(final int tag, final Set<DeidOption> options) {
		return entryFor(tag).map(e -> e.action(options));
	}

	/** "(gggg,eeee)" with 'x' as wildcard hex digits, returned as {value, mask}. */
	static int[] parseTagPattern(final String text, final String source, final int lineNo) throws IOException {
		final String t = text.trim();
		if (t.length() != 11 || t.charAt(0) != '(' || t.charAt(5) != ',' || t.charAt(10) != ')')
			throw new IOException(source + " line " + lineNo + ": tag '" + text + "' is not of the form (gggg,eeee)");
		final String hex = t.substring(1, 5) + t.substring(6, 10);
		int value = 0;
		int mask = 0;
		for (int i = 0; i < 8; i++) {
			final char c = Character.toLowerCase(hex.charAt(i));
			value <<= 4;
			mask <<= 4;
			if (c == 'x') continue;
			final int d = Character.digit(c, 16);
			if (d < 0) throw new IOException(source + " line " + lineNo + ": tag '" + text + "' has a non-hex digit");
			value |= d;
			mask |= 0xF;
		}
		return new int[] { value, mask };
	}

	private static String cell(final List<String> cells, final Map<String, Integer> columns, final String name) {
		final int i = columns.get(name);
		return i < cells.size() ? cells.get(i).trim() : "";
	}
}
