package org.medprep.core.augment.intensity;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Builds what an {@link IntensityDraw} records in a history: names to values
 * without spaces, numbers round-trippable ({@link Double#toString}), lists as
 * {@code [a,b,c]}, lists of lists as {@code [[a,b],[c,d]]}.
 */
final class DrawnValues {

	private final Map<String, String> values = new LinkedHashMap<>();

	DrawnValues put(final String name, final String token) {
		if (token.isEmpty() || !token.equals(token.replaceAll("\\s", "")))
			throw new IllegalArgumentException("drawn value " + name + " needs a value without spaces, got '" + token + "'");
		values.put(name, token);
		return this;
	}

	DrawnValues put(final String name, final double v) {
		return put(name, Double.toString(v));
	}

	DrawnValues put(final String name, final long v) {
		return put(name, Long.toString(v));
	}

	DrawnValues put(final String name, final boolean v) {
		return put(name, Boolean.toString(v));
	}

	DrawnValues put(final String name, final double[] v) {
		return put(name, list(v));
	}

	DrawnValues put(final String name, final int[] v) {
		return put(name, list(v));
	}

	DrawnValues put(final String name, final double[][] v) {
		final StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(list(v[i]));
		return put(name, sb.append(']').toString());
	}

	DrawnValues put(final String name, final int[][] v) {
		final StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(list(v[i]));
		return put(name, sb.append(']').toString());
	}

	Map<String, String> map() {
		return Collections.unmodifiableMap(new LinkedHashMap<>(values));
	}

	private static String list(final double[] v) {
		final StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(v[i]);
		return sb.append(']').toString();
	}

	private static String list(final int[] v) {
		final StringBuilder sb = new StringBuilder("[");
		for (int i = 0; i < v.length; i++) sb.append(i == 0 ? "" : ",").append(v[i]);
		return sb.append(']').toString();
	}
}
