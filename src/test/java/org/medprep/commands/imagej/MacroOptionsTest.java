package org.medprep.commands.imagej;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** A command's option values, read by ImageJ's own parser. */
class MacroOptionsTest {

	@Test
	void valuesAreReadWithImageJsRules() {
		assertEquals("float 0-1", MacroOptions.get("level=40 output=[float 0-1]", "output"));
		assertEquals("40", MacroOptions.get("level=40 output=[float 0-1]", "level"));
		assertEquals("x y", MacroOptions.get("q='x y'", "q"));
		assertNull(MacroOptions.get("level=40", "output"));
		assertNull(MacroOptions.get("xlevel=40", "level"), "a key is matched at a word start");
		assertNull(MacroOptions.get(null, "level"));
	}
}
