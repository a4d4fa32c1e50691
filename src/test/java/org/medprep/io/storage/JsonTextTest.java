package org.medprep.io.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class JsonTextTest {

	@Test
	void readsStrictJsonIntoPlainJavaValues() throws Exception {
		final Object v = JsonText.parse("{\"a\": [1, 2.5, \"x\\ty\", true, null], \"b\": {\"c\": -3e2}}", "t.json");
		final Map<String, Object> b = new LinkedHashMap<>();
		b.put("c", -300.0);
		final Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("a", Arrays.asList(1.0, 2.5, "x\ty", true, null));
		expected.put("b", b);
		assertEquals(expected, v);
	}

	@Test
	void deviationsAreErrorsNamingSourceLineAndColumn() {
		assertEquals("malformed JSON in t.json at line 1, column 13: duplicate key \"a\"", message("{\"a\": 1, \"a\": 2}"));
		assertEquals("malformed JSON in t.json at line 2, column 2: unexpected text after the JSON value", message("{}\n[]"));
		assertEquals("malformed JSON in t.json at line 1, column 1: unexpected end of file", message(" "));
		assertEquals("malformed JSON in t.json at line 1, column 3: unexpected end of file", message("[1"));
		for (final String bad : new String[] { "[1,]", "[NaN]", "{\"a\": 1,}", "// c\n{}", "{'a': 1}", "[1e999]" })
			assertEquals(0, message(bad).indexOf("malformed JSON in t.json at line "), bad + ": " + message(bad));
	}

	@Test
	void writesOneKeyPerLineAndValuesOnOneLine() throws Exception {
		final Map<String, Object> m = new LinkedHashMap<>();
		m.put("format", "x");
		m.put("n", 3);
		m.put("p", new double[] { 1, 0.5 });
		m.put("list", List.of(new double[] { 1, 2 }, "q\"\n"));
		m.put("plain", new BigDecimal("0.0000045"));
		m.put("none", null);
		final String text = JsonText.object(m, "  ");
		assertEquals("{\n  \"format\": \"x\",\n  \"n\": 3,\n  \"p\": [1, 0.5],\n  \"list\": [[1, 2], \"q\\\"\\n\"],\n  \"plain\": 0.0000045,\n  \"none\": null\n}\n", text);
		assertEquals(Arrays.asList(1.0, 0.5), ((Map<?, ?>) JsonText.parse(text, "t")).get("p"));
		assertEquals("\"<a href='x'>\u00e9\"", JsonText.quote("<a href='x'>\u00e9"), "no HTML escaping");
		assertThrows(IllegalArgumentException.class, () -> JsonText.number(Double.NaN));
	}

	private static String message(final String text) {
		return assertThrows(JsonText.MalformedException.class, () -> JsonText.parse(text, "t.json")).getMessage();
	}
}
