package org.medprep.testutil;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Test fixtures and CLI output as plain Java values (maps, lists, doubles, strings, booleans, null), read by Gson; NaN and Infinity allowed. */
public final class Json {

	private static final Gson GSON = new GsonBuilder().serializeSpecialFloatingPointValues().create();

	private Json() {}

	public static Object parse(final String text) {
		return GSON.fromJson(text, Object.class); // Gson's fromJson reads leniently: NaN, Infinity
	}

	/** Parses a JSON resource next to {@code anchor}'s package. */
	@SuppressWarnings("unchecked")
	public static Map<String, Object> resource(final Class<?> anchor, final String name) {
		try (InputStream in = anchor.getResourceAsStream(name)) {
			if (in == null) throw new IllegalArgumentException("missing fixture " + name + " beside " + anchor.getName());
			return (Map<String, Object>) parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	public static double[] doubles(final Object list) {
		final List<?> l = (List<?>) list;
		final double[] d = new double[l.size()];
		for (int k = 0; k < d.length; k++) d[k] = ((Number) l.get(k)).doubleValue();
		return d;
	}
}
