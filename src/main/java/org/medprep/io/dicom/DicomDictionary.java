package org.medprep.io.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The PS3.6 data dictionary (tag to VR and keyword), needed to know the VR of
 * elements in implicit VR files. Loaded once from {@code dictionary.tsv}
 * (generated from pydicom's dictionary by {@code make_dictionary.py}).
 */
public final class DicomDictionary {

	private static final class Mask {
		final int mask;
		final int value;
		final Vr vr;
		final String keyword;

		Mask(final int mask, final int value, final Vr vr, final String keyword) {
			this.mask = mask;
			this.value = value;
			this.vr = vr;
			this.keyword = keyword;
		}
	}

	private static final Map<Integer, Vr> VRS = new HashMap<>();
	private static final Map<Integer, String> KEYWORDS = new HashMap<>();
	private static final List<Mask> MASKS = new ArrayList<>();

	static {
		try (InputStream in = DicomDictionary.class.getResourceAsStream("dictionary.tsv")) {
			if (in == null) throw new IllegalStateException("dictionary.tsv missing from the MedPrep jar");
			final BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
			String line;
			while ((line = r.readLine()) != null) {
				if (line.startsWith("#") || line.isEmpty()) continue;
				final String[] f = line.split("\t");
				final Vr vr = Vr.ofName(f[1]);
				if (f[0].indexOf('x') >= 0) {
					final String m = f[0].replaceAll("[0-9A-F]", "F").replace('x', '0');
					final String v = f[0].replace('x', '0');
					MASKS.add(new Mask((int) Long.parseLong(m, 16), (int) Long.parseLong(v, 16), vr, f[2]));
				}
				else {
					final int tag = (int) Long.parseLong(f[0], 16);
					VRS.put(tag, vr);
					KEYWORDS.put(tag, f[2]);
				}
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private DicomDictionary() {}

	/**
	 * The VR of a tag for implicit VR decoding: the dictionary's, UL for group
	 * lengths, LO for private creators, UN when unknown (private elements).
	 */
	public static Vr vrOf(final int tag) {
		final Vr vr = VRS.get(tag);
		if (vr != null) return vr;
		final int group = tag >>> 16;
		final int element = tag & 0xFFFF;
		if (element == 0) return Vr.UL;
		if ((group & 1) == 1) return element >= 0x10 && element <= 0xFF ? Vr.LO : Vr.UN;
		for (final Mask m : MASKS)
			if ((tag & m.mask) == m.value) return m.vr;
		return Vr.UN;
	}

	/** The keyword (e.g. "SeriesInstanceUID"), or "" when the tag is not in the dictionary. */
	public static String keywordOf(final int tag) {
		final String k = KEYWORDS.get(tag);
		if (k != null) return k;
		if ((tag & 0xFFFF) == 0) return "GroupLength";
		if (((tag >>> 16) & 1) == 1) {
			final int element = tag & 0xFFFF;
			return element >= 0x10 && element <= 0xFF ? "PrivateCreator" : "";
		}
		for (final Mask m : MASKS)
			if ((tag & m.mask) == m.value) return m.keyword;
		return "";
	}

	/** "(0020,000E) SeriesInstanceUID": how messages name an element. */
	public static String describe(final int tag) {
		final String k = keywordOf(tag);
		return Tags.toString(tag) + (k.isEmpty() ? "" : " " + k);
	}
}
