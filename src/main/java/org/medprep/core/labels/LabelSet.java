package org.medprep.core.labels;

import java.util.Arrays;
import java.util.TreeSet;

/** A set of label values written as text, e.g. {@code "1,3,5"} or {@code "2-4,7"}; empty text is the empty set. */
public final class LabelSet {

	private final int[] values;

	private LabelSet(final int[] values) {
		this.values = values;
	}

	/** @throws IllegalArgumentException naming the entry that is not a label or a range of labels */
	public static LabelSet parse(final String text) {
		final TreeSet<Integer> set = new TreeSet<>();
		if (text != null && !text.trim().isEmpty()) {
			for (final String raw : text.split(",")) {
				final String e = raw.trim();
				final int dash = e.indexOf('-', 1);
				if (dash > 0) {
					final int from = number(e.substring(0, dash), e), to = number(e.substring(dash + 1), e);
					if (to < from) throw new IllegalArgumentException("label range '" + e + "' runs backwards");
					if ((long) to - from > 1_000_000) throw new IllegalArgumentException("label range '" + e + "' is too long");
					for (int v = from; v <= to; v++) set.add(v);
				}
				else set.add(number(e, e));
			}
		}
		return new LabelSet(set.stream().mapToInt(Integer::intValue).toArray());
	}

	public static LabelSet of(final int... values) {
		final TreeSet<Integer> set = new TreeSet<>();
		for (final int v : values) set.add(v);
		return new LabelSet(set.stream().mapToInt(Integer::intValue).toArray());
	}

	static int number(final String s, final String entry) {
		try {
			final int v = Integer.parseInt(s.trim());
			if (v < 0 || v > LabelMap.MAX_LABEL) throw new NumberFormatException();
			return v;
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("'" + entry + "' is not a label (a whole number from 0 to " + LabelMap.MAX_LABEL + ")");
		}
	}

	public boolean isEmpty() { return values.length == 0; }

	public boolean contains(final int label) {
		return Arrays.binarySearch(values, label) >= 0;
	}

	/** Ascending. */
	public int[] values() { return values.clone(); }

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder();
		for (final int v : values) sb.append(sb.length() == 0 ? "" : ",").append(v);
		return sb.toString();
	}
}
