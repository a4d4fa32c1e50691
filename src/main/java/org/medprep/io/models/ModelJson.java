package org.medprep.io.models;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.medprep.io.storage.AtomicFiles;
import org.medprep.io.storage.JsonText;

/**
 * The model files' common ground: a strict JSON object with a format tag and
 * a version, read with errors that name the file and the key, written
 * atomically one key per line.
 */
final class ModelJson {

	private ModelJson() {}

	/** Reads a file whose top level must be an object tagged {@code format} and {@code version}. */
	static Map<String, Object> read(final Path file, final String format, final int version) throws ModelFileException {
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
		final Object value;
		try {
			value = JsonText.parse(text, file.toString());
		}
		catch (final JsonText.MalformedException e) {
			throw new ModelFileException(e.getMessage(), e);
		}
		if (!(value instanceof Map)) throw new ModelFileException("malformed " + file + ": the top level must be a JSON object");
		@SuppressWarnings("unchecked")
		final Map<String, Object> map = (Map<String, Object>) value;
		final String f = string(map, "format", file);
		if (!format.equals(f)) throw new ModelFileException(file + " is not a " + format + " file (format \"" + f + "\")");
		final double v = number(map, "version", file);
		if (v != version) throw new ModelFileException(file + ": unsupported " + format + " version " + v + " (this MedPrep reads version " + version + ")");
		return map;
	}

	/** A new document that starts with the format tag and version. */
	static Map<String, Object> document(final String format, final int version) {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", format);
		m.put("version", version);
		return m;
	}

	/** Writes the document atomically, creating its folder. */
	static void write(final Map<String, Object> document, final Path file) throws IOException {
		final Path dir = file.toAbsolutePath().getParent();
		if (dir != null) Files.createDirectories(dir);
		AtomicFiles.write(file, JsonText.object(document, "  ").getBytes(StandardCharsets.UTF_8));
	}

	static double number(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		final Object v = require(map, key, file);
		if (!(v instanceof Double)) throw new ModelFileException("malformed " + file + ": \"" + key + "\" must be a number");
		return (Double) v;
	}

	/** A whole number. */
	static long integer(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		final double n = number(map, key, file);
		if (n != Math.rint(n)) throw new ModelFileException("malformed " + file + ": \"" + key + "\" must be an integer, got " + n);
		return (long) n;
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

	private static Object require(final Map<String, Object> map, final String key, final Path file) throws ModelFileException {
		if (!map.containsKey(key)) throw new ModelFileException("malformed " + file + ": missing \"" + key + "\"");
		return map.get(key);
	}
}
