package org.medprep.io.dicom;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A data set (the top level of a file, or one sequence item): its elements in
 * file order, with typed getters. Items also remember their coded length
 * (a byte count or {@link DicomElement#UNDEFINED_LENGTH}) and encoding, so a
 * writer can reproduce them.
 * <p>
 * Getters never return null: absent elements give the default, an empty array
 * or an empty list; the {@code require*} getters throw a {@link DicomException}
 * naming the file and the element.
 */
public final class DicomDataset {

	private final String source;
	private final Encoding encoding;
	private final List<DicomElement> elements = new ArrayList<>();
	private final Map<Integer, DicomElement> byTag = new HashMap<>();
	private Charset charset;
	private long itemLength = -1;

	/**
	 * @param source file name used in messages
	 * @param encoding how the elements are (or will be) coded
	 * @param inheritedCharset the enclosing data set's character set (items inherit it unless they set their own)
	 */
	public DicomDataset(final String source, final Encoding encoding, final Charset inheritedCharset) {
		this.source = source;
		this.encoding = encoding;
		this.charset = inheritedCharset == null ? StandardCharsets.ISO_8859_1 : inheritedCharset;
	}

	/** Appends an element (parsers add in file order; the first of duplicate tags wins for lookups). */
	public void add(final DicomElement e) {
		elements.add(e);
		byTag.putIfAbsent(e.tag(), e);
		if (e.tag() == Tags.SpecificCharacterSet && e.isLoaded()) {
			try {
				charset = CharacterSets.of(e.strings(StandardCharsets.ISO_8859_1));
			}
			catch (final DicomException ex) {
				// a loaded text value always decodes; keep the inherited charset otherwise
			}
		}
	}

	/** Replaces the element with the same tag (or inserts it in ascending tag order). */
	public void put(final DicomElement e) {
		final DicomElement old = byTag.get(e.tag());
		if (old != null) {
			elements.set(elements.indexOf(old), e);
			byTag.put(e.tag(), e);
			return;
		}
		int i = 0;
		while (i < elements.size() && Integer.compareUnsigned(elements.get(i).tag(), e.tag()) < 0) i++;
		elements.add(i, e);
		byTag.put(e.tag(), e);
	}

	/** Removes every element with this tag; returns whether there was one. */
	public boolean remove(final int tag) {
		final boolean had = elements.removeIf(e -> e.tag() == tag);
		byTag.remove(tag);
		return had;
	}

	void setItemLength(final long length) { this.itemLength = length; }

	/** For an item: its coded length (bytes, or {@link DicomElement#UNDEFINED_LENGTH}); -1 for a top-level data set. */
	public long itemLength() { return itemLength; }
	public Encoding encoding() { return encoding; }
	public Charset charset() { return charset; }
	public String source() { return source; }

	/** All elements in file order (including duplicates, group lengths and private elements). */
	public List<DicomElement> elements() { return Collections.unmodifiableList(elements); }
	public int size() { return elements.size(); }
	public boolean contains(final int tag) { return byTag.containsKey(tag); }
	public Optional<DicomElement> find(final int tag) { return Optional.ofNullable(byTag.get(tag)); }

	/** @throws DicomException naming the file and the missing element */
	public DicomElement require(final int tag) throws DicomException {
		final DicomElement e = byTag.get(tag);
		if (e == null) throw new DicomException(source + ": missing " + DicomDictionary.describe(tag));
		return e;
	}

	/** The values of a text (or numeric) element; empty if absent or empty. */
	public String[] getStrings(final int tag) throws DicomException {
		final DicomElement e = byTag.get(tag);
		if (e == null) return new String[0];
		try {
			return e.strings(charset);
		}
		catch (final DicomException ex) {
			throw new DicomException(source + ": " + ex.getMessage(), ex);
		}
	}

	/** The first value (or, for multi-valued text, all values joined by backslashes), or {@code defaultValue}. */
	public String getString(final int tag, final String defaultValue) throws DicomException {
		final String[] s = getStrings(tag);
		return s.length == 0 ? defaultValue : String.join("\\", s);
	}

	/** @throws DicomException if absent or empty */
	public String requireString(final int tag) throws DicomException {
		final String[] s = getStrings(tag);
		if (s.length == 0 || s[0].isEmpty()) throw new DicomException(source + ": missing or empty " + DicomDictionary.describe(tag));
		return String.join("\\", s);
	}

	/** Numeric values (DS/IS strings or binary numbers); empty if absent. */
	public double[] getDoubles(final int tag) throws DicomException {
		final DicomElement e = byTag.get(tag);
		if (e == null) return new double[0];
		try {
			return e.doubles();
		}
		catch (final DicomException ex) {
			throw new DicomException(source + ": " + ex.getMessage(), ex);
		}
	}

	public double getDouble(final int tag, final double defaultValue) throws DicomException {
		final double[] d = getDoubles(tag);
		return d.length == 0 ? defaultValue : d[0];
	}

	public int getInt(final int tag, final int defaultValue) throws DicomException {
		final double[] d = getDoubles(tag);
		if (d.length == 0) return defaultValue;
		return toInt(tag, d[0]);
	}

	/** @throws DicomException if absent, or not exactly {@code count} values (count &lt; 0: any number &gt; 0) */
	public double[] requireDoubles(final int tag, final int count) throws DicomException {
		final double[] d = getDoubles(tag);
		if (d.length == 0) throw new DicomException(source + ": missing or empty " + DicomDictionary.describe(tag));
		if (count >= 0 && d.length != count)
			throw new DicomException(source + ": " + DicomDictionary.describe(tag) + " has " + d.length + " values, expected " + count);
		for (final double v : d)
			if (!Double.isFinite(v)) throw new DicomException(source + ": " + DicomDictionary.describe(tag) + " has a non-finite value " + v);
		return d;
	}

	public int requireInt(final int tag) throws DicomException {
		return toInt(tag, requireDoubles(tag, -1)[0]);
	}

	private int toInt(final int tag, final double v) throws DicomException {
		if (v != Math.rint(v) || v > Integer.MAX_VALUE || v < Integer.MIN_VALUE)
			throw new DicomException(source + ": " + DicomDictionary.describe(tag) + " = " + v + " is not an integer");
		return (int) v;
	}

	/** The items of a sequence; empty if absent. */
	public List<DicomDataset> getItems(final int tag) {
		final DicomElement e = byTag.get(tag);
		return e == null ? Collections.<DicomDataset>emptyList() : e.items();
	}

	@Override
	public String toString() {
		return "DicomDataset[" + source + ", " + elements.size() + " elements, " + encoding + "]";
	}
}
