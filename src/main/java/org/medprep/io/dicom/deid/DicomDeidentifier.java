package org.medprep.io.dicom.deid;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.medprep.io.dicom.DicomDataset;
import org.medprep.io.dicom.DicomDictionary;
import org.medprep.io.dicom.DicomElement;
import org.medprep.io.dicom.DicomException;
import org.medprep.io.dicom.DicomFile;
import org.medprep.io.dicom.Encoding;
import org.medprep.io.dicom.TransferSyntax;
import org.medprep.io.dicom.Vr;

/**
 * Applies the Basic Application Level Confidentiality Profile (PS3.15 Annex E) with the chosen
 * options to a parsed file, at every nesting depth, and builds the new file meta information.
 * <p>
 * Rules, in order, for each element of a data set or item:
 * <ol>
 * <li>Group lengths (gggg,0000), and command (0000) or meta (0002) elements misplaced in the data set, are
 * dropped (retired or not allowed there; lengths are wrong after editing).</li>
 * <li>Private elements (odd groups): removed, unless Retain Safe Private is chosen and the element is on
 * {@link SafePrivateTags}; a private creator is kept only if an element of its block is.</li>
 * <li>Top level Patient's Name and Patient ID: replaced by the pseudonym ({@link PatientPseudonyms}).
 * The table allows a dummy for both (Z = "zero length or dummy", Patient ID Z/D).</li>
 * <li>Attributes of Table E.1-1: the action of {@link ProfileEntry#action(Set)}.
 * On sequences: X removes, Z leaves no items, D leaves one empty item (a dummy sequence can hold no
 * text), K/C/U keep the sequence and de-identify its items.</li>
 * <li>Other attributes are kept; sequences are de-identified recursively. Safety net (a MedPrep addition):
 * in their text values (LO SH ST LT UT UC PN) every identifying value of the file (IDs, dates, names,
 * institution... the values the profile removes; person name components as whole words) is blanked
 * with '*'; person names down to two-letter parts ({@link #nameParts}). A public element the
 * data dictionary (PS3.6, as pydicom lists it) does not know is removed, whatever its VR (UN included:
 * in implicit VR files nothing else says what it is): the table keeps standard attributes it does not
 * list because the standard says what they hold, and nothing says what an unknown one holds. A sequence coded as UN with
 * a defined length (opaque bytes, not parsed into items) is removed, since it cannot be checked. One
 * MedPrep addition: a UI
 * value outside the standard's own root 1.2.840.10008 in an attribute the table does not list is
 * replaced too (vendors put dates and serial numbers in UIDs), except SOP Class UIDs.</li>
 * </ol>
 * Then Patient Identity Removed (0012,0062) = YES, De-identification Method (0012,0063) and its Code
 * Sequence (0012,0064) (CID 7050 codes of the profile and options), and Longitudinal Temporal
 * Information Modified (0028,0303) are set. Coding oddities are normalised where that is safe: elements
 * coded in implicit VR inside an explicit VR data set get their explicit VR, standard sequences coded as
 * UN of undefined length become SQ (values unchanged). Values that are not changed are the parser's element
 * objects themselves, so the writer reproduces them byte for byte; an unchanged sequence is reused
 * whole. Thread-safe (no per-file state in fields).
 */
public final class DicomDeidentifier {

	/** MedPrep's Implementation Class UID (a fixed 2.25 UUID-derived UID) for the new meta information. */
	public static final String IMPLEMENTATION_CLASS_UID = "2.25.236436118463926397014516226017358716930";
	/** Implementation Version Name (SH, at most 16 characters). */
	public static final String IMPLEMENTATION_VERSION = "MEDPREP_DEID_1";

	static final int PATIENT_NAME = 0x00100010;
	static final int PATIENT_ID = 0x00100020;
	static final int PATIENT_IDENTITY_REMOVED = 0x00120062;
	static final int DEID_METHOD = 0x00120063;
	static final int DEID_METHOD_CODE_SEQUENCE = 0x00120064;
	static final int LONGITUDINAL_MODIFIED = 0x00280303;
	static final int SOP_CLASS_UID = 0x00080016;
	static final int SOP_INSTANCE_UID = 0x00080018;
	static final int MODALITY = 0x00080060;
	static final int IMAGE_TYPE = 0x00080008;
	static final int BURNED_IN_ANNOTATION = 0x00280301;
	static final int CODE_VALUE = 0x00080100;
	static final int CODING_SCHEME = 0x00080102;
	static final int CODE_MEANING = 0x00080104;

	/** UI attributes not in the table that name classes, not instances: never remapped. */
	private static final Set<Integer> CLASS_UIDS = new HashSet<>(java.util.Arrays.asList(0x00080016, 0x00081150, 0x0008001A,
		0x0008001B, 0x00080062, 0x0008010C, 0x00041510, 0x00041512, 0x00400554, 0x0008001A));

	private final ConfidentialityProfile profile;
	private final Set<DeidOption> options;
	private final UidMapper uids;
	private final PatientPseudonyms pseudonyms;

	/**
	 * @throws IllegalArgumentException if both Retain Longitudinal options are chosen (they disagree on dates)
	 */
	public DicomDeidentifier(final ConfidentialityProfile profile, final Set<DeidOption> options, final UidMapper uids,
		final PatientPseudonyms pseudonyms)
	{
		if (options.contains(DeidOption.RETAIN_LONG_FULL_DATES) && options.contains(DeidOption.RETAIN_LONG_MODIFIED_DATES))
			throw new IllegalArgumentException("choose at most one of '" + DeidOption.RETAIN_LONG_FULL_DATES.label() + "' and '"
				+ DeidOption.RETAIN_LONG_MODIFIED_DATES.label() + "'");
		this.profile = profile;
		this.options = Collections.unmodifiableSet(options.isEmpty() ? EnumSet.noneOf(DeidOption.class) : EnumSet.copyOf(options));
		this.uids = uids;
		this.pseudonyms = pseudonyms;
	}

	public Set<DeidOption> options() { return options; }

	/** Per-file state. */
	private final class FileContext {
		final String source;
		final Map<DeidCount, Integer> counts = new EnumMap<>(DeidCount.class);
		final int offsetDays;
		final DicomDataset root;
		Pattern phi;
		Pattern strictPhi;

		FileContext(final String source, final int offsetDays, final DicomDataset root) {
			this.source = source;
			this.offsetDays = offsetDays;
			this.root = root;
		}

		void count(final DeidCount c) {
			counts.merge(c, 1, Integer::sum);
		}

		/** Identifying strings of this file (for cleaning free text), built on first use. */
		Pattern phiPattern() throws DicomException {
			if (phi == null) build();
			return phi;
		}

		/** Whole identifying values and name components only (for text the table does not list). */
		Pattern strictPhiPattern() throws DicomException {
			if (strictPhi == null) build();
			return strictPhi;
		}

		private void build() throws DicomException {
			final Set<String> values = new LinkedHashSet<>();
			final Set<String> names = new LinkedHashSet<>();
			final Set<String> words = new LinkedHashSet<>();
			collectPhi(root, values, names, words);
			final Set<String> namesAndWords = new LinkedHashSet<>(names);
			namesAndWords.addAll(words);
			phi = alternation(values, namesAndWords);
			strictPhi = alternation(values, names);
		}
	}

	/**
	 * De-identifies one file.
	 *
	 * @throws DeidException if the file lacks what de-identification needs (message free of PHI)
	 */
	public DeidentifiedFile deidentify(final DicomFile in) throws DeidException {
		final DicomDataset ds = in.dataset();
		final String source = in.source();
		try {
			final String patientId = ds.getString(PATIENT_ID, "");
			final String pseudonym = pseudonyms.pseudonym(patientId);
			final List<String> burnedIn = BurnedInRisk.reasons(ds.getString(BURNED_IN_ANNOTATION, ""), ds.getString(MODALITY, ""),
				ds.getString(SOP_CLASS_UID, in.meta().getString(0x00020002, "")), ds.getString(IMAGE_TYPE, ""));
			final FileContext ctx = new FileContext(source, pseudonyms.dateOffsetDays(patientId), ds);
			final DicomDataset out = process(ds, ctx, true).dataset;
			final Encoding enc = ds.encoding();
			final Charset cs = ds.charset();
			out.put(text(PATIENT_NAME, Vr.PN, enc, pseudonym, cs));
			out.put(text(PATIENT_ID, Vr.LO, enc, pseudonym, cs));
			ctx.count(DeidCount.PSEUDONYMIZED);
			out.put(text(PATIENT_IDENTITY_REMOVED, Vr.CS, enc, "YES", cs));
			out.put(text(DEID_METHOD, Vr.LO, enc, String.join("\\", methodMeanings()), cs));
			out.put(methodCodeSequence(source, enc, cs));
			out.put(text(LONGITUDINAL_MODIFIED, Vr.CS, enc, options.contains(DeidOption.RETAIN_LONG_FULL_DATES) ? "UNMODIFIED"
				: options.contains(DeidOption.RETAIN_LONG_MODIFIED_DATES) ? "MODIFIED" : "REMOVED", cs));
			final DicomDataset meta = newMeta(in, out);
			return new DeidentifiedFile(meta, in.transferSyntax(), out, ctx.counts, new ArrayList<>(burnedIn));
		}
		catch (final DicomException e) {
			throw new DeidException(source + ": cannot de-identify: " + e.getMessage(), e);
		}
	}

	private List<String> methodMeanings() {
		final List<String> m = new ArrayList<>();
		m.add("Basic Application Confidentiality Profile");
		for (final DeidOption o : options) m.add(o.codeMeaning());
		return m;
	}

	private DicomElement methodCodeSequence(final String source, final Encoding enc, final Charset cs) {
		final List<DicomDataset> items = new ArrayList<>();
		items.add(codeItem(source, enc, cs, "113100", "Basic Application Confidentiality Profile"));
		for (final DeidOption o : options) items.add(codeItem(source, enc, cs, o.codeValue(), o.codeMeaning()));
		return DicomElement.ofItems(DEID_METHOD_CODE_SEQUENCE, Vr.SQ, "SQ", enc.isExplicitVr(), enc.isBigEndian(),
			DicomElement.UNDEFINED_LENGTH, -1, items);
	}

	private static DicomDataset codeItem(final String source, final Encoding enc, final Charset cs, final String value,
		final String meaning)
	{
		final DicomDataset item = new DicomDataset(source, enc, cs);
		item.add(text(CODE_VALUE, Vr.SH, enc, value, cs));
		item.add(text(CODING_SCHEME, Vr.SH, enc, "DCM", cs));
		item.add(text(CODE_MEANING, Vr.LO, enc, meaning, cs));
		return item;
	}

	/** New group 0002: version, SOP class, the new SOP instance UID, the kept transfer syntax, MedPrep as implementation. */
	private DicomDataset newMeta(final DicomFile in, final DicomDataset out) throws DicomException {
		final DicomDataset meta = new DicomDataset(in.source(), Encoding.EXPLICIT_LITTLE, StandardCharsets.US_ASCII);
		final Encoding le = Encoding.EXPLICIT_LITTLE;
		meta.add(DicomElement.ofBytes(0x00020001, Vr.OB, new byte[] { 0, 1 }));
		String sopClass = in.meta().getString(0x00020002, "");
		if (sopClass.isEmpty()) sopClass = out.getString(SOP_CLASS_UID, "");
		if (sopClass.isEmpty()) throw new DicomException("no SOP Class UID, neither in the meta information nor in the data set");
		String sopInstance = out.getString(SOP_INSTANCE_UID, "");
		if (sopInstance.isEmpty()) {
			final String old = in.meta().getString(0x00020003, "");
			if (old.isEmpty()) throw new DicomException("no SOP Instance UID, neither in the meta information nor in the data set");
			sopInstance = options.contains(DeidOption.RETAIN_UIDS) ? old : uids.map(old);
		}
		meta.add(text(0x00020002, Vr.UI, le, sopClass, StandardCharsets.US_ASCII));
		meta.add(text(0x00020003, Vr.UI, le, sopInstance, StandardCharsets.US_ASCII));
		meta.add(text(0x00020010, Vr.UI, le, in.transferSyntax().uid(), StandardCharsets.US_ASCII));
		meta.add(text(0x00020012, Vr.UI, le, IMPLEMENTATION_CLASS_UID, StandardCharsets.US_ASCII));
		meta.add(text(0x00020013, Vr.SH, le, IMPLEMENTATION_VERSION, StandardCharsets.US_ASCII));
		return meta;
	}

	// ---- the recursive walk ----

	private static final class Processed {
		final DicomDataset dataset;
		final boolean changed;

		Processed(final DicomDataset dataset, final boolean changed) {
			this.dataset = dataset;
			this.changed = changed;
		}
	}

	private Processed process(final DicomDataset in, final FileContext ctx, final boolean top) throws DicomException, DeidException {
		final DicomDataset out = new DicomDataset(in.source(), in.encoding(), in.charset());
		boolean changed = false;
		// Private creators by (group << 8 | block), and the blocks in which an element is kept.
		final Map<Integer, String> creators = new HashMap<>();
		for (final DicomElement e : in.elements())
			if (isOdd(e.tag()) && (e.tag() & 0xFFFF) >= 0x10 && (e.tag() & 0xFFFF) <= 0xFF)
				creators.put(((e.tag() >>> 16) << 8) | (e.tag() & 0xFF), asString(e, in.charset()).trim());
		final Set<Integer> keptBlocks = new HashSet<>();
		final List<DicomElement> kept = new ArrayList<>();
		for (final DicomElement e : in.elements()) {
			final int tag = e.tag();
			final int group = tag >>> 16;
			if ((tag & 0xFFFF) == 0 || group == 0x0000 || group == 0x0002) {
				ctx.count(DeidCount.GROUP_LENGTHS_DROPPED);
				changed = true;
				continue;
			}
			if (isOdd(tag)) {
				final int elem = tag & 0xFFFF;
				if (elem >= 0x10 && elem <= 0xFF) {
					kept.add(e); // decided below, once the kept blocks are known
					continue;
				}
				final int blockKey = (group << 8) | (elem >>> 8);
				final String creator = creators.get(blockKey);
				if (options.contains(DeidOption.RETAIN_SAFE_PRIVATE) && elem >= 0x1000 && creator != null
					&& SafePrivateTags.isSafe(group, creator, elem & 0xFF))
				{
					keptBlocks.add(blockKey);
					kept.add(e);
					ctx.count(DeidCount.PRIVATE_KEPT);
				}
				else {
					ctx.count(DeidCount.PRIVATE_REMOVED);
					changed = true;
				}
				continue;
			}
			if (top && (tag == PATIENT_NAME || tag == PATIENT_ID || tag == PATIENT_IDENTITY_REMOVED || tag == DEID_METHOD
				|| tag == DEID_METHOD_CODE_SEQUENCE || tag == LONGITUDINAL_MODIFIED))
			{
				changed = true; // replaced by deidentify()
				continue;
			}
			final Optional<ProfileEntry> entry = profile.entryFor(tag);
			if (!entry.isPresent() && DicomDictionary.keywordOf(tag).isEmpty()) {
				// a public tag the dictionary does not know (in implicit VR files it comes as UN): nothing says what it holds
				ctx.count(DeidCount.UNKNOWN_REMOVED);
				changed = true;
				continue;
			}
			DicomElement r = entry.isPresent() ? apply(e, entry.get().action(options), in, ctx) : notListed(e, in, ctx);
			if (r != null) r = explicitIfSwitched(r, in);
			if (r != e) changed = true;
			if (r != null) kept.add(r);
		}
		for (final DicomElement e : kept) {
			final int tag = e.tag();
			if (isOdd(tag) && (tag & 0xFFFF) <= 0xFF) {
				if (!keptBlocks.contains(((tag >>> 16) << 8) | (tag & 0xFF))) {
					ctx.count(DeidCount.PRIVATE_REMOVED);
					changed = true;
					continue;
				}
			}
			out.add(e);
		}
		return new Processed(out, changed);
	}

	/** An element the table does not list: kept, sequences walked, non-standard UIDs replaced. */
	private DicomElement notListed(final DicomElement e, final DicomDataset container, final FileContext ctx)
		throws DicomException, DeidException
	{
		if (e.isSequence()) return recodeUnSequence(walkSequence(e, ctx), container);
		if (isUnparsedSequence(e)) {
			ctx.count(DeidCount.REMOVED);
			return null;
		}
		final Vr vr = vrOf(e);
		if ((vr == Vr.LO || vr == Vr.SH || vr == Vr.ST || vr == Vr.LT || vr == Vr.UT || vr == Vr.UC || vr == Vr.PN) && !e.isEncapsulated()) {
			// safety net: identifying values of this file never survive in text the table does not list
			final Charset cs = container.charset();
			final String v = asString(e, cs);
			final String c = ctx.strictPhiPattern().matcher(v).replaceAll(m -> stars(m.group().length()));
			if (c.equals(v)) return e;
			ctx.count(DeidCount.SCRUBBED);
			return withText(e, container, c, cs);
		}
		if (vr == Vr.UI && !options.contains(DeidOption.RETAIN_UIDS) && !CLASS_UIDS.contains(e.tag())) {
			final String v = asString(e, StandardCharsets.US_ASCII);
			boolean standard = true;
			for (final String u : UidMapper.trimUid(v).split("\\\\"))
				if (!u.isEmpty() && !UidMapper.isStandardUid(u)) standard = false;
			if (!standard) {
				ctx.count(DeidCount.UIDS_REPLACED);
				return withText(e, container, mapUids(v), StandardCharsets.US_ASCII);
			}
		}
		return e;
	}

	private DicomElement apply(final DicomElement e, final DeidAction action, final DicomDataset container, final FileContext ctx)
		throws DicomException, DeidException
	{
		// X, or a sequence that cannot be walked: removed, element or sequence alike
		if (action == DeidAction.REMOVE || isUnparsedSequence(e)) {
			ctx.count(DeidCount.REMOVED);
			return null;
		}
		if (e.isSequence()) {
			switch (action) {
				case ZERO:
					ctx.count(DeidCount.ZEROED);
					return DicomElement.ofItems(e.tag(), e.vr(), e.vrCode(), e.isExplicitVr(), e.isBigEndian(), 0, -1,
						Collections.<DicomDataset>emptyList());
				case DUMMY:
					ctx.count(DeidCount.DUMMIED);
					return DicomElement.ofItems(e.tag(), e.vr(), e.vrCode(), e.isExplicitVr(), e.isBigEndian(), 0, -1,
						Collections.singletonList(new DicomDataset(container.source(), itemEncoding(e, container), container.charset())));
				default:
					if (action == DeidAction.KEEP) ctx.count(DeidCount.KEPT);
					return recodeUnSequence(walkSequence(e, ctx), container);
			}
		}
		final Vr vr = vrOf(e);
		switch (action) {
			case ZERO:
				ctx.count(DeidCount.ZEROED);
				return e.length() == 0 ? e : withBytes(e, container, new byte[0]);
			case DUMMY:
				ctx.count(DeidCount.DUMMIED);
				return withBytes(e, container, DummyValues.forVr(vr.name()));
			case KEEP:
				ctx.count(DeidCount.KEPT);
				return e;
			case REPLACE_UID:
				if (vr != Vr.UI) { // not in the 2024b table, but never leave a non-UID value behind
					ctx.count(DeidCount.ZEROED);
					return withBytes(e, container, new byte[0]);
				}
				ctx.count(DeidCount.UIDS_REPLACED);
				return withText(e, container, mapUids(asString(e, StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
			case CLEAN:
			default:
				return clean(e, vr, container, ctx);
		}
	}

	private String mapUids(final String v) {
		return options.contains(DeidOption.RETAIN_UIDS) ? UidMapper.trimUid(v) : uids.mapValues(v);
	}

	/** C: dates shifted, free text scrubbed of this file's identifying strings, AE titles dummied, others zeroed. */
	private DicomElement clean(final DicomElement e, final Vr vr, final DicomDataset container, final FileContext ctx)
		throws DicomException
	{
		switch (vr) {
			case DA:
			case DT: {
				final String v = asString(e, StandardCharsets.US_ASCII);
				final Optional<String> shifted = vr == Vr.DA ? DateShifter.shiftDate(v, ctx.offsetDays)
					: DateShifter.shiftDateTime(v, ctx.offsetDays);
				if (shifted.isPresent()) {
					ctx.count(DeidCount.DATES_SHIFTED);
					return withText(e, container, shifted.get(), StandardCharsets.US_ASCII);
				}
				ctx.count(DeidCount.ZEROED);
				return withBytes(e, container, new byte[0]);
			}
			case TM: // whole-day shifts leave times of day unchanged
				ctx.count(DeidCount.KEPT);
				return e;
			case AE:
				ctx.count(DeidCount.DUMMIED);
				return withBytes(e, container, DummyValues.forVr("AE"));
			case UI:
				ctx.count(DeidCount.UIDS_REPLACED);
				return withText(e, container, mapUids(asString(e, StandardCharsets.US_ASCII)), StandardCharsets.US_ASCII);
			case CS:
			case LO:
			case SH:
			case ST:
			case LT:
			case UT:
			case UC:
			case PN: {
				final Charset cs = container.charset();
				final String v = asString(e, cs);
				final String c = ctx.phiPattern().matcher(v).replaceAll(m -> stars(m.group().length()));
				ctx.count(DeidCount.CLEANED);
				return c.equals(v) ? e : withText(e, container, c, cs);
			}
			default:
				ctx.count(DeidCount.ZEROED);
				return withBytes(e, container, new byte[0]);
		}
	}

	private static String stars(final int n) {
		final StringBuilder sb = new StringBuilder(n);
		for (int i = 0; i < n; i++) sb.append('*');
		return Matcher.quoteReplacement(sb.toString());
	}

	/**
	 * The identifying strings of a file, for cleaning text, from the values (at any depth) of every
	 * person name and of every PN/LO/SH/ST/DA/DT attribute of the table that the Basic Profile does not
	 * keep and that is not itself a description or comment: {@code values} the whole values (3+
	 * characters), {@code names} the person name components (3+), {@code words} the words (4+) of the
	 * other values.
	 */
	private void collectPhi(final DicomDataset ds, final Set<String> values, final Set<String> names, final Set<String> words)
		throws DicomException
	{
		for (final DicomElement e : ds.elements()) {
			if (e.isSequence()) {
				for (final DicomDataset item : e.items()) collectPhi(item, values, names, words);
				continue;
			}
			if (e.isEncapsulated() || isOdd(e.tag()) || e.length() > 4096) continue;
			final Vr vr = vrOf(e);
			if (vr != Vr.PN && vr != Vr.LO && vr != Vr.SH && vr != Vr.ST && vr != Vr.DA && vr != Vr.DT) continue;
			final Optional<ProfileEntry> entry = profile.entryFor(e.tag());
			// identity attributes only: not the descriptions and comments that are themselves being cleaned
			final boolean identifying = vr == Vr.PN || entry.map(x -> x.basicAction() != DeidAction.KEEP
				&& !x.optionActions().containsKey(DeidOption.CLEAN_DESCRIPTORS.column())
				&& !x.name().contains("Comment") && !x.name().contains("Description")).orElse(false);
			if (!identifying) continue;
			for (final String value : asString(e, ds.charset()).split("\\\\")) {
				final String v = value.trim();
				if (vr == Vr.PN) nameParts(v, names);
				if (v.length() < 3) continue;
				values.add(v);
				if (vr == Vr.PN) continue;
				for (final String part : v.split("[\\s,;:/()^=]+")) {
					final String p = part.trim().toUpperCase(Locale.ROOT);
					if (p.length() >= 4) words.add(p);
				}
			}
		}
	}

	/**
	 * The parts of a person name that identify: in each component group
	 * (alphabetic, ideographic, phonetic: split at '='), the family, given and
	 * middle names (the first three '^' components; prefixes and suffixes such as
	 * Dr, Mr, Jr are titles), whole and split at spaces and hyphens, from two
	 * characters on (one for an ideograph), so that a short name such as "Li^Na"
	 * is scrubbed from text too. Matched as whole words only ({@link #alternation}).
	 */
	static void nameParts(final String pn, final Set<String> names) {
		for (final String group : pn.split("=")) {
			final String[] components = group.split("\\^", -1);
			for (int c = 0; c < Math.min(3, components.length); c++) {
				final String whole = components[c].trim().toUpperCase(Locale.ROOT);
				if (isNamePart(whole)) names.add(whole);
				for (final String part : whole.split("[\\s\\-]+"))
					if (isNamePart(part)) names.add(part);
			}
		}
	}

	/** Two characters or more; or one ideograph (a one-character family name such as 王), never one Latin initial. */
	private static boolean isNamePart(final String p) {
		return p.length() >= 2 || p.length() == 1 && p.charAt(0) >= 0x2E80;
	}

	/**
	 * Case-insensitive pattern: any of {@code anywhere}, or any of {@code whole} as a whole word (not
	 * inside a longer run of letters and digits, so a short name component does not blank part of an
	 * ordinary word). Longest first; matches nothing when both are empty.
	 */
	private static Pattern alternation(final Set<String> anywhere, final Set<String> whole) {
		final StringBuilder sb = new StringBuilder();
		final String a = join(anywhere);
		final String w = join(whole);
		if (!a.isEmpty()) sb.append("(?:").append(a).append(')');
		if (!w.isEmpty()) sb.append(sb.length() > 0 ? "|" : "").append("(?<![\\p{L}\\p{N}])(?:").append(w).append(")(?![\\p{L}\\p{N}])");
		if (sb.length() == 0) return Pattern.compile("(?!)");
		return Pattern.compile(sb.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
	}

	private static String join(final Set<String> tokens) {
		final List<String> list = new ArrayList<>(tokens);
		list.sort(Comparator.comparingInt(String::length).reversed());
		final StringBuilder sb = new StringBuilder();
		for (final String t : list) {
			if (sb.length() > 0) sb.append('|');
			sb.append(Pattern.quote(t));
		}
		return sb.toString();
	}

	/** A sequence kept by the profile: each item de-identified; reused whole if nothing inside changed. */
	private DicomElement walkSequence(final DicomElement e, final FileContext ctx) throws DicomException, DeidException {
		final List<DicomDataset> items = new ArrayList<>(e.items().size());
		boolean changed = false;
		for (final DicomDataset item : e.items()) {
			final Processed p = process(item, ctx, false);
			items.add(p.changed ? p.dataset : item);
			changed |= p.changed;
		}
		if (!changed) return e;
		return DicomElement.ofItems(e.tag(), e.vr(), e.vrCode(), e.isExplicitVr(), e.isBigEndian(), e.length(), -1, items);
	}

	/**
	 * An element coded in implicit VR inside an explicit VR data set (a vendor switch, pitfall 2 of
	 * dicom-parsing-facts.md) is written with its explicit VR (the dictionary's, which the parser
	 * decoded it with; value unchanged), so the output is conformant. Kept implicit if the value does
	 * not fit the VR's 16-bit length.
	 */
	private static DicomElement explicitIfSwitched(final DicomElement e, final DicomDataset container) throws DicomException {
		if (e.isExplicitVr() || !container.encoding().isExplicitVr() || e.isEncapsulated()) return e;
		final boolean be = container.encoding().isBigEndian();
		if (e.isSequence())
			return DicomElement.ofItems(e.tag(), e.vr(), e.vr() == Vr.SQ ? "SQ" : "UN", true, be, e.length(), -1, e.items());
		final byte[] v = e.bytes();
		if (!e.vr().hasLongLength() && v.length > 0xFFFF) return e;
		return DicomElement.ofBytes(e.tag(), e.vr(), e.vr().name(), true, e.isBigEndian(), -1, v);
	}

	/**
	 * A standard sequence that the file coded as UN of undefined length (PS3.5 6.2.2: items in implicit
	 * VR little endian) is written back as SQ in an explicit VR little endian data set, its item
	 * elements recoded with explicit VRs (the dictionary VRs the parser decoded them with; values
	 * unchanged), as CP-246 asks of a receiver that knows the attribute. Kept as it was in implicit VR
	 * data sets (there the header is the same), in big endian ones (values would need swapping), and
	 * when a value does not fit a 16-bit length.
	 */
	private static DicomElement recodeUnSequence(final DicomElement e, final DicomDataset container) throws DicomException {
		if (e == null || !e.isSequence() || e.vr() != Vr.UN || DicomDictionary.vrOf(e.tag()) != Vr.SQ
			|| container.encoding() != Encoding.EXPLICIT_LITTLE || !e.isExplicitVr())
			return e;
		final Optional<List<DicomDataset>> items = recodeItems(e.items(), container);
		if (!items.isPresent()) return e;
		return DicomElement.ofItems(e.tag(), Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, items.get());
	}

	private static Optional<List<DicomDataset>> recodeItems(final List<DicomDataset> items, final DicomDataset container)
		throws DicomException
	{
		final List<DicomDataset> out = new ArrayList<>();
		for (final DicomDataset item : items) {
			final DicomDataset r = new DicomDataset(item.source(), Encoding.EXPLICIT_LITTLE, item.charset());
			for (final DicomElement x : item.elements()) {
				if (x.isEncapsulated()) return Optional.empty();
				if (x.isSequence()) {
					if (x.vr() == Vr.SQ) {
						final Optional<List<DicomDataset>> inner = recodeItems(x.items(), container);
						if (!inner.isPresent()) return Optional.empty();
						r.add(DicomElement.ofItems(x.tag(), Vr.SQ, "SQ", true, false, DicomElement.UNDEFINED_LENGTH, -1, inner.get()));
					}
					else // a nested UN sequence (private or unknown) stays UN with its implicit items
						r.add(DicomElement.ofItems(x.tag(), Vr.UN, "UN", true, false, DicomElement.UNDEFINED_LENGTH, -1, x.items()));
					continue;
				}
				final byte[] v = x.bytes();
				if (!x.vr().hasLongLength() && v.length > 0xFFFF) return Optional.empty();
				r.add(DicomElement.ofBytes(x.tag(), x.vr(), x.vr().name(), true, false, -1, v));
			}
			out.add(r);
		}
		return Optional.of(out);
	}

	// ---- element helpers ----

	private static boolean isOdd(final int tag) {
		return ((tag >>> 16) & 1) == 1;
	}

	/**
	 * A sequence coded as UN with a defined length, which the parser keeps as opaque bytes: its items
	 * cannot be de-identified, so it is removed whatever the table says.
	 */
	private static boolean isUnparsedSequence(final DicomElement e) {
		return !e.isSequence() && !e.isEncapsulated() && e.vr() == Vr.UN && DicomDictionary.vrOf(e.tag()) == Vr.SQ;
	}

	private static Encoding itemEncoding(final DicomElement e, final DicomDataset container) {
		return e.items().isEmpty() ? container.encoding() : e.items().get(0).encoding();
	}

	/** The VR to act on: the coded one, or the dictionary's when the file said UN (implicit VR, unknown). */
	private static Vr vrOf(final DicomElement e) {
		if (e.vr() != Vr.UN) return e.vr();
		final Vr d = DicomDictionary.vrOf(e.tag());
		return d == null ? Vr.UN : d;
	}

	private static String asString(final DicomElement e, final Charset cs) throws DicomException {
		if (e.isSequence() || e.isEncapsulated()) return "";
		return new String(e.bytes(), cs);
	}

	/** Same tag, VR and coding as {@code e}, new raw value (padded to even length per VR). */
	private static DicomElement withBytes(final DicomElement e, final DicomDataset container, final byte[] value) {
		return DicomElement.ofBytes(e.tag(), e.vr(), e.vrCode(), e.isExplicitVr(), container.encoding().isBigEndian(), -1,
			pad(value, vrOf(e)));
	}

	private static DicomElement withText(final DicomElement e, final DicomDataset container, final String value, final Charset cs) {
		return withBytes(e, container, value.getBytes(cs));
	}

	/** A new text element coded as the container codes elements. */
	static DicomElement text(final int tag, final Vr vr, final Encoding enc, final String value, final Charset cs) {
		return DicomElement.ofBytes(tag, vr, vr.name(), enc.isExplicitVr(), enc.isBigEndian(), -1, pad(value.getBytes(cs), vr));
	}

	/** PS3.5 6.2: even length; UI (and binary) padded with NUL, other text with a space. */
	static byte[] pad(final byte[] v, final Vr vr) {
		if (v.length % 2 == 0) return v;
		final byte[] p = java.util.Arrays.copyOf(v, v.length + 1);
		p[v.length] = vr.isText() && vr != Vr.UI ? (byte) ' ' : 0;
		return p;
	}
}
