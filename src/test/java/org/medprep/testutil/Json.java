package org.medprep.testutil;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A minimal JSON reader for test fixtures (objects, arrays, numbers, strings, booleans, null). */
public final class Json {

	private final String s;
	private int i;

	private Json(final String s) {
		this.s = s;
	}

	public static Object parse(final String text) {
		final Json j = new Json(text);
		final Object v = j.value();
		j.ws();
		if (j.i != text.length()) throw new IllegalArgumentException("trailing text at " + j.i);
		return v;
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

	private Object value() {
		ws();
		final char c = s.charAt(i);
		if (c == '{') return object();
		if (c == '[') return array();
		if (c == '"') return string();
		if (s.startsWith("true", i)) { i += 4; return Boolean.TRUE; }
		if (s.startsWith("false", i)) { i += 5; return Boolean.FALSE; }
		if (s.startsWith("null", i)) { i += 4; return null; }
		if (s.startsWith("NaN", i)) { i += 3; return Double.NaN; }
		return number();
	}

	private Map<String, Object> object() {
		final Map<String, Object> m = new LinkedHashMap<>();
		i++;
		ws();
		if (s.charAt(i) == '}') { i++; return m; }
		while (true) {
			ws();
			final String k = string();
			ws();
			expect(':');
			m.put(k, value());
			ws();
			if (s.charAt(i) == ',') { i++; continue; }
			expect('}');
			return m;
		}
	}

	private List<Object> array() {
		final List<Object> l = new ArrayList<>();
		i++;
		ws();
		if (s.charAt(i) == ']') { i++; return l; }
		while (true) {
			l.add(value());
			ws();
			if (s.charAt(i) == ',') { i++; continue; }
			expect(']');
			return l;
		}
	}

	private String string() {
		expect('"');
		final StringBuilder sb = new StringBuilder();
		while (s.charAt(i) != '"') {
			char c = s.charAt(i++);
			if (c == '\\') {
				c = s.charAt(i++);
				switch (c) {
					case 'n': sb.append('\n'); break;
					case 't': sb.append('\t'); break;
					case 'r': sb.append('\r'); break;
					case 'u': sb.append((char) Integer.parseInt(s.substring(i, i + 4), 16)); i += 4; break;
					default: sb.append(c);
				}
			}
			else sb.append(c);
		}
		i++;
		return sb.toString();
	}

	private Double number() {
		final int start = i;
		if (s.startsWith("-Infinity", i)) { i += 9; return Double.NEGATIVE_INFINITY; }
		if (s.startsWith("Infinity", i)) { i += 8; return Double.POSITIVE_INFINITY; }
		while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) i++;
		return Double.parseDouble(s.substring(start, i));
	}

	private void expect(final char c) {
		if (s.charAt(i) != c) throw new IllegalArgumentException("expected '" + c + "' at " + i);
		i++;
	}

	private void ws() {
		while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
	}
}
