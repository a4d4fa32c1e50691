package org.medprep.core.normalize;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the "name: v1 v2 ..." fixture files made by src/test/resources/org/medprep/normalize/make_fixtures.py. */
final class Fixtures {

	private Fixtures() {}

	static Map<String, double[]> read(final String name) throws Exception {
		final Path file = Path.of(Fixtures.class.getResource("/org/medprep/normalize/" + name).toURI());
		final Map<String, double[]> map = new LinkedHashMap<>();
		for (final String line : Files.readAllLines(file)) {
			if (line.startsWith("#") || line.isBlank()) continue;
			final String[] kv = line.split(":", 2);
			map.put(kv[0].trim(), Arrays.stream(kv[1].trim().split("\\s+")).mapToDouble(Double::parseDouble).toArray());
		}
		return map;
	}
}
