package org.medprep.core.normalize;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The small, strict JSON subset the model files use: objects, arrays, strings
 * (with the standard escapes), finite numbers, true/false/null. Parsing
 * yields LinkedHashMap, ArrayList, Double, String, Boolean or null; any
 * deviation (trailing commas, comments, duplicate keys, NaN, trailing text)
 * is an error naming the file and the character position.
 */
final class Json {

	private final String text;
	private final String source;
	private int at;

	private Json(final String text, final String source) {
		this.text = text;
		this.source = source;
	}

	// ---- reading

	/** Reads and parses a file whose top level must be an object. */
	static Map<String, Object> readObject(final Path file) throws ModelFileException {
		final String text;
		try {
			text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (final NoSuchFileException e) {
			throw new ModelFileException("file not found: " + file);
		}
		catch (final IOException e) {
			throw new ModelFileException("cannot read " + file + ": " + e.getMessage(), e);
		}
		final Object value = parse(text, file.toString());
		if (!(value instanceof Map)) throw new ModelFileException("malformed " + file + ": the top level must be a JSON object");
		@SuppressWarnings("unchecked")
		final Map<String, Object> map = (Map<String, Object>) value;
		return map;
	}

	static Object parse(final String text, final String source) throws ModelFileException {
		final Json p = new Json(text, source);
		p.skipSpace();
		final Object v = p.value();
		p.skipSpace();
		if (p.at != text.length()) throw p.error("unexpected text after the JSON value");
		return v;
	}

	private Object value() throws ModelFileException {
		if (at >= text.length()) throw error("unexpected end of file");
		final char c = text.charAt(at);
		switch (c) {
			case '{': return object();
			case '[': return array();
			case '"': return string();
			case 't': return literal("true", Boolean.TRUE);
			case 'f': return literal("false", Boolean.FALSE);
			case 'n': return literal("null", null);
			default:
				if (c == '-' || (c >= '0' && c <= '9')) return number();
				throw error("unexpected character '" + c + "'");
		}
	}

	private Map<String, Object> object() throws ModelFileException {
		at++;
		final Map<String, Object> map = new LinkedHashMap<>();
		skipSpace();
		if (peek() == '}') {
			at++;
			return map;
		}
		while (true) {
			skipSpace();
			if (peek() != '"') throw error("expected a quoted key");
			final int keyAt = at;
			final String key = string();
			skipSpace();
			expect(':');
			skipSpace();
			if (map.containsKey(key)) {
				at = keyAt;
				throw error("duplicate key \"" + key + "\"");
			}
			map.put(key, value());
			skipSpace();
			final char c = peek();
			at++;
			if (c == '}') return map;
			if (c != ',') {
				at--;
				throw error("expected ',' or '}'");
			}
		}
	}

	private List<Object> array() throws ModelFileException {
		at++;
		final List<Object> list = new ArrayList<>();
		skipSpace();
		if (peek() == ']') {
			at++;
			return list;
		}
		while (true) {
			skipSpace();
			list.add(value());
			skipSpace();
			final char c = peek();
			at++;
			if (c == ']') return list;
			if (c != ',') {
				at--;
				throw error("expected ',' or ']'");
			}
		}
	}

	private String string() throws ModelFileException {
		at++;
		final StringBuilder sb = new StringBuilder();
		while (true) {
			if (at >= text.length()) throw error("unterminated string");
			final char c = text.charAt(at++);
			if (c == '"') return sb.toString();
			if (c < 0x20) {
				at--;
				throw error("control character in a string");
			}
			if (c != '\\') {
				sb.append(c);
				continue;
			}
			if (at >= text.length()) throw error("unterminated string");
			final char e = text.charAt(at++);
			switch (e) {
				case '"': case '\\': case '/': sb.append(e); break;
				case 'b': sb.append('\b'); break;
				case 'f': sb.append('\f'); break;
				case 'n': sb.append('\n'); break;
				case 'r': sb.append('\r'); break;
				case 't': sb.append('\t'); break;
				case 'u':
					if (at + 4 > text.length()) throw error("truncated \\u escape");
					try {
						sb.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
					}
					catch (final NumberFormatException ex) {
						throw error("bad \\u escape");
					}
					at += 4;
					break;
				default:
					at--;
					throw error("bad escape '\\" + e + "'");
			}
		}
	}

	private Double number() throws ModelFileException {
		final int start = at;
		if (peek() == '-') at++;
		if (peek() == '0') at++;
		else if (digit()) while (digit()) at++;
		else throw error("bad number");
		if (peek() == '.') {
			at++;
			if (!digit()) throw error("bad number: digits expected after '.'");
			while (digit()) at++;
		}
		if (peek() == 'e' || peek() == 'E') {
			at++;
			if (peek() == '+' || peek() == '-') at++;
			if (!digit()) throw error("bad number: digits expected in the exponent");
			while (digit()) at++;
		}
		final double v = Double.parseDouble(text.substring(start, at));
		if (Double.isInfinite(v)) {
			at = start;
			throw error("number out of range");
		}
		return v;
	}

	private Object literal(final String word, final Object value) throws ModelFileException {
		if (!text.startsWith(word, at)) throw error("unexpected character '" + text.charAt(at) + "'");
		at += word.length();
		return value;
	}

	private boolean digit() {
		return at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9';
	}

	private char peek() {
		return at < text.length() ? text.charAt(at) : '\0';
	}

	private void expect(final char c) throws ModelFileException {
		if (peek() != c) throw error("expected '" + c + "'");
		at++;
	}

	private void skipSpace() {
		while (at < text.length()) {
			final char c = text.charAt(at);
			if (c != ' ' && c != '\t' && c != '\n' && c != '\r') return;
			at++;
		}
	}

	private ModelFileException error(final String what) {
		int line = 1, column = 1;
		for (int i = 0; i < Math.min(at, text.length()); i++) {
			if (text.charAt(i) == '\n') {
				line++;
				column = 1;
			}
			else column++;
		}
		return new ModelFileException("malformed JSON in " + source + " at line " + line + ", column " + column + ": " + what);
	}

	// ---- typed access with errors naming the file and the key

	static double number(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		final Object v = require(map, key, file);
		if (!(v instanceof Double)) throw new ModelFileException("malformed " + file + ": \"" + key + "\" must be a number");
		return (Double) v;
	}

	static String string(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		final Object v = require(map, key, file);
		if (!(v instanceof String)) throw new ModelFileException("malformed " + file + ": \"" + key + "\" must be a string");
		return (String) v;
	}

	static double[] numbers(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		return numbers(require(map, key, file), key, file);
	}

	static double[] numbers(final Object v, final String key, final Path file) throws ModelFileException {
		if (!(v instanceof List)) throw new ModelFileException("malformed " + file + ": \"" + key + "\" must be an array of numbers");
		final List<?> list = (List<?>) v;
		final double[] out = new double[list.size()];
		for (int i = 0; i < out.length; i++) {
			if (!(list.get(i) instanceof Double)) throw new ModelFileException("malformed " + file + ": \"" + key + "\"[" + i + "] must be a number");
			out[i] = (Double) list.get(i);
		}
		return out;
	}

	static Map<String, Object> object(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		final Object v = require(map, key, file);
		if (!(v instanceof Map)) throw new ModelFileException("malformed " + file + ": \"" + key + "\" must be an object");
		@SuppressWarnings("unchecked")
		final Map<String, Object> m = (Map<String, Object>) v;
		return m;
	}

	static List<?> list(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		final Object v = require(map, key, file);
		if (!(v instanceof List)) throw new ModelFileException("malformed " + file + ": \"" + key + "\" must be an array");
		return (List<?>) v;
	}

	/** Checks the format tag and version every model file starts with. */
	static void requireFormat(final Map<String, Object> map, final String format, final int version, final Path file) throws ModelFileException {
		final String f = string(map, "format", file);
		if (!format.equals(f)) throw new ModelFileException(file + " is not a " + format + " file (format \"" + f + "\")");
		final double v = number(map, "version", file);
		if (v != version) throw new ModelFileException(file + ": unsupported " + format + " version " + v + " (this MedPrep reads version " + version + ")");
	}

	private static Object require(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		if (!map.containsKey(key)) throw new ModelFileException("malformed " + file + ": missing \"" + key + "\"");
		return map.get(key);
	}

	// ---- writing

	/** A JSON text builder for small, flat documents. */
	static final class Writer {
		private final StringBuilder sb = new StringBuilder("{\n");
		private boolean first = true;

		Writer field(final String key, final Object value) {
			sb.append(first ? "" : ",\n").append("  ");
			first = false;
			appendString(sb, key);
			sb.append(": ");
			appendValue(sb, value);
			return this;
		}

		String finish() {
			return sb.append("\n}\n").toString();
		}
	}

	private static void appendValue(final StringBuilder sb, final Object value) {
		if (value == null) sb.append("null");
		else if (value instanceof String) appendString(sb, (String) value);
		else if (value instanceof Boolean) sb.append(value);
		else if (value instanceof Number) appendNumber(sb, ((Number) value).doubleValue());
		else if (value instanceof double[]) {
			final double[] a = (double[]) value;
			sb.append('[');
			for (int i = 0; i < a.length; i++) {
				if (i > 0) sb.append(", ");
				appendNumber(sb, a[i]);
			}
			sb.append(']');
		}
		else if (value instanceof List) {
			sb.append('[');
			boolean first = true;
			for (final Object o : (List<?>) value) {
				if (!first) sb.append(", ");
				first = false;
				appendValue(sb, o);
			}
			sb.append(']');
		}
		else if (value instanceof Map) {
			sb.append('{');
			boolean first = true;
			for (final Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
				if (!first) sb.append(", ");
				first = false;
				appendString(sb, String.valueOf(e.getKey()));
				sb.append(": ");
				appendValue(sb, e.getValue());
			}
			sb.append('}');
		}
		else throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
	}

	private static void appendNumber(final StringBuilder sb, final double v) {
		if (!Double.isFinite(v)) throw new IllegalArgumentException("JSON cannot hold the number " + v);
		if (v == Math.rint(v) && Math.abs(v) < 1e15) sb.append((long) v);
		else sb.append(v); // Double.toString round-trips exactly
	}

	private static void appendString(final StringBuilder sb, final String s) {
		sb.append('"');
		for (int i = 0; i < s.length(); i++) {
			final char c = s.charAt(i);
			switch (c) {
				case '"': sb.append("\\\""); break;
				case '\\': sb.append("\\\\"); break;
				case '\n': sb.append("\\n"); break;
				case '\r': sb.append("\\r"); break;
				case '\t': sb.append("\\t"); break;
				default:
					if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
					else sb.append(c);
			}
		}
		sb.append('"');
	}

	/** Writes to a temporary file beside the target, then renames: never a half-written model file. */
	static void writeAtomically(final Path file, final String text) throws IOException {
		final Path absolute = file.toAbsolutePath();
		final Path dir = absolute.getParent();
		if (dir != null) Files.createDirectories(dir);
		final Path tmp = Files.createTempFile(dir, absolute.getFileName().toString(), ".tmp");
		try {
			Files.write(tmp, text.getBytes(StandardCharsets.UTF_8));
			try {
				Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
			}
		}
		finally {
			Files.deleteIfExists(tmp);
		}
	}
}
