package org.medprep.core.labels;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replaces label values by a table (TorchIO's {@code RemapLabels}, MONAI's
 * {@code MapLabelValue}): every voxel whose label is a key of the table gets
 * its value, all other voxels keep theirs. Removing labels (to background 0)
 * and numbering labels 1..n (scikit-image's {@code relabel_sequential}) are
 * remaps too. Immutable.
 */
public final class LabelRemap {

	private final Map<Integer, Integer> table;

	private LabelRemap(final Map<Integer, Integer> table) {
		this.table = table;
	}

	/**
	 * Reads {@code "1:2,3:0"} (from:to pairs, comma separated; spaces allowed).
	 * @throws IllegalArgumentException naming the entry that is malformed or a label mapped twice
	 */
	public static LabelRemap parse(final String text) {
		if (text == null || text.trim().isEmpty()) throw new IllegalArgumentException("the remap table is empty; write from:to pairs, e.g. 1:2,3:0");
		final Map<Integer, Integer> t = new LinkedHashMap<>();
		for (final String raw : text.split(",")) {
			final String e = raw.trim();
			final int colon = e.indexOf(':');
			if (colon < 0) throw new IllegalArgumentException("remap entry '" + e + "' is not from:to (e.g. 1:2)");
			final int from = LabelSet.number(e.substring(0, colon), e), to = LabelSet.number(e.substring(colon + 1), e);
			if (t.containsKey(from)) throw new IllegalArgumentException("label " + from + " is remapped twice in '" + text.trim() + "'");
			t.put(from, to);
		}
		return new LabelRemap(t);
	}

	/** Removes these labels: they become background 0. */
	public static LabelRemap removing(final LabelSet labels) {
		final Map<Integer, Integer> t = new LinkedHashMap<>();
		for (final int l : labels.values()) t.put(l, 0);
		return new LabelRemap(t);
	}

	/** The labels of {@code map}, ascending, to 1..n (0 stays 0). */
	public static LabelRemap sequential(final LabelMap map) {
		final Map<Integer, Integer> t = new LinkedHashMap<>();
		int next = 1;
		for (final int l : map.presentLabels()) t.put(l, next++);
		return new LabelRemap(t);
	}

	/** from -> to, in the order given. */
	public Map<Integer, Integer> table() { return new LinkedHashMap<>(table); }

	/** A new map; the input is not modified. */
	public LabelMap apply(final LabelMap map) {
		final int[] in = map.labels();
		final int[] out = new int[in.length];
		final int max = Math.max(map.maxLabel(), 0);
		if (max < 1 << 22) {
			final int[] lookup = new int[max + 1];
			for (int l = 0; l <= max; l++) lookup[l] = table.getOrDefault(l, l);
			for (int i = 0; i < in.length; i++) out[i] = lookup[in[i]];
		}
		else for (int i = 0; i < in.length; i++) out[i] = table.getOrDefault(in[i], in[i]);
		return map.withLabels(out);
	}

	/** The table as text, {@code "1:2,3:0"}. */
	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder();
		table.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ",").append(k).append(':').append(v));
		return sb.toString();
	}
}
