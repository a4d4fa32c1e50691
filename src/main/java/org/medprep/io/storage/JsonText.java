package org.medprep.io.storage;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import com.google.gson.stream.MalformedJsonException;

import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MedPrep's JSON, read and encoded by Gson's streaming API; only the layout
 * of the documents MedPrep writes is its own (one key per line, values on
 * one line with {@code ", "} and {@code ": "}, as the model files, sidecars
 * and {@code medprep list --json} have always looked).
 * <p>
 * Reading is strict: objects, arrays, strings, finite numbers, true, false
 * and null; trailing commas, comments, NaN, duplicate keys and text after the
 * value are errors naming the source, line and column. Values are
 * {@code LinkedHashMap}, {@code ArrayList}, {@code Double}, {@code String},
 * {@code Boolean} or null.
 */
public final class JsonText {

	private static final Pattern LOCATION = Pattern.compile(" at line (\\d+) column (\\d+)");

	private JsonText() {}

	/** A JSON text is not what it must be; the message names the source and the place. */
	public static final class MalformedException extends Exception {
		private static final long serialVersionUID = 1L;

		MalformedException(final String message, final Throwable cause) {
			super(message, cause);
		}
	}

	// ---- reading

	/** Parses one strict JSON value. */
	public static Object parse(final String text, final String source) throws MalformedException {
		final JsonReader reader = new JsonReader(new StringReader(text));
		reader.setLenient(false);
		try {
			if (text.trim().isEmpty()) throw error(source, reader, "unexpected end of file", null);
			final Object value = read(reader, source);
			if (!atEnd(reader)) throw error(source, reader, "unexpected text after the JSON value", null);
			return value;
		}
		catch (final EOFException e) {
			throw error(source, reader, "unexpected end of file", e);
		}
		catch (final MalformedJsonException | IllegalStateException | NumberFormatException e) {
			throw error(source, reader, describe(e.getMessage()), e);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // a StringReader does not fail
		}
	}

	/** A strict reader refuses a second value with an exception of its own: that too is text after the value. */
	private static boolean atEnd(final JsonReader reader) throws IOException {
		try {
			return reader.peek() == JsonToken.END_DOCUMENT;
		}
		catch (final MalformedJsonException e) {
			return false;
		}
	}

	private static Object read(final JsonReader in, final String source) throws IOException, MalformedException {
		switch (in.peek()) {
			case BEGIN_OBJECT: {
				final Map<String, Object> map = new LinkedHashMap<>();
				in.beginObject();
				while (in.hasNext()) {
					final String key = in.nextName();
					if (map.containsKey(key)) throw error(source, in, "duplicate key \"" + key + "\"", null);
					map.put(key, read(in, source));
				}
				in.endObject();
				return map;
			}
			case BEGIN_ARRAY: {
				final List<Object> list = new ArrayList<>();
				in.beginArray();
				while (in.hasNext()) list.add(read(in, source));
				in.endArray();
				return list;
			}
			case STRING: return in.nextString();
			case NUMBER: {
				final String literal = in.nextString();
				final double v = Double.parseDouble(literal);
				if (!Double.isFinite(v)) throw error(source, in, "number out of range: " + literal, null);
				return v;
			}
			case BOOLEAN: return in.nextBoolean();
			case NULL:
				in.nextNull();
				return null;
			default: throw error(source, in, "unexpected " + in.peek(), null);
		}
	}

	/** Gson's "Expected name at line 1 column 9 path $.a" as "expected name". */
	private static String describe(final String gson) {
		if (gson == null) return "not JSON";
		final Matcher m = LOCATION.matcher(gson);
		final String what = m.find() ? gson.substring(0, m.start()) : gson;
		final String s = what.startsWith("Use JsonReader.setLenient(true)") ? "not strict JSON" : what.trim();
		return s.isEmpty() ? "not JSON" : Character.toLowerCase(s.charAt(0)) + s.substring(1);
	}

	private static MalformedException error(final String source, final JsonReader reader, final String what, final Throwable cause) {
		final Matcher m = LOCATION.matcher(cause != null && cause.getMessage() != null && LOCATION.matcher(cause.getMessage()).find() ? cause.getMessage()
			: reader.toString());
		final String where = m.find() ? " at line " + m.group(1) + ", column " + m.group(2) : "";
		return new MalformedException("malformed JSON in " + source + where + ": " + what, cause);
	}

	// ---- writing

	/**
	 * An object with one key per line, indented by {@code indent}, each value on
	 * one line; ends with a newline.
	 */
	public static String object(final Map<String, ?> fields, final String indent) {
		final StringBuilder sb = new StringBuilder("{\n");
		int i = 0;
		for (final Map.Entry<String, ?> e : fields.entrySet()) {
			sb.append(indent).append(quote(e.getKey())).append(": ").append(value(e.getValue()));
			sb.append(++i < fields.size() ? ",\n" : "\n");
		}
		return sb.append("}\n").toString();
	}

	/**
	 * One value on one line: null, a string, a boolean, a number (whole numbers
	 * without a fraction, others as {@link Double#toString}, a BigDecimal as
	 * its plain digits), a {@code double[]}, a list or a map.
	 */
	public static String value(final Object value) {
		final StringBuilder sb = new StringBuilder();
		append(sb, value);
		return sb.toString();
	}

	private static void append(final StringBuilder sb, final Object value) {
		if (value == null) sb.append("null");
		else if (value instanceof String) sb.append(quote((String) value));
		else if (value instanceof Boolean) sb.append(value);
		else if (value instanceof BigDecimal) sb.append(((BigDecimal) value).toPlainString());
		else if (value instanceof Number) sb.append(number(((Number) value).doubleValue()));
		else if (value instanceof double[]) {
			final double[] a = (double[]) value;
			sb.append('[');
			for (int i = 0; i < a.length; i++) sb.append(i > 0 ? ", " : "").append(number(a[i]));
			sb.append(']');
		}
		else if (value instanceof List) {
			sb.append('[');
			boolean first = true;
			for (final Object o : (List<?>) value) {
				sb.append(first ? "" : ", ");
				first = false;
				append(sb, o);
			}
			sb.append(']');
		}
		else if (value instanceof Map) {
			sb.append('{');
			boolean first = true;
			for (final Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
				sb.append(first ? "" : ", ").append(quote(String.valueOf(e.getKey()))).append(": ");
				first = false;
				append(sb, e.getValue());
			}
			sb.append('}');
		}
		else throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
	}

	/** A finite number: whole numbers without a fraction, others as {@link Double#toString} (which round-trips exactly). */
	public static String number(final double v) {
		if (!Double.isFinite(v)) throw new IllegalArgumentException("JSON cannot hold the number " + v);
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return Double.toString(v);
	}

	/** A JSON string literal, encoded by Gson (no HTML escaping). */
	public static String quote(final String s) {
		final StringWriter out = new StringWriter(s.length() + 2);
		try (JsonWriter w = new JsonWriter(out)) {
			w.setHtmlSafe(false);
			w.setLenient(true); // a bare string is a whole document here
			w.value(s);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e); // a StringWriter does not fail
		}
		return out.toString();
	}
}
