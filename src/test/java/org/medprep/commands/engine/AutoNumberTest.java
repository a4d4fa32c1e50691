package org.medprep.commands.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AutoNumberTest {

	@Test
	void autoNanAndEmptyMeanFromTheDataOtherwiseANumber() {
		assertTrue(Double.isNaN(AutoNumber.parse("threshold", "auto")));
		assertTrue(Double.isNaN(AutoNumber.parse("threshold", "NaN"))); // lines recorded before
		assertTrue(Double.isNaN(AutoNumber.parse("threshold", " ")));
		assertEquals(-500, AutoNumber.parse("threshold", "-500"), 0);
		assertEquals("threshold must be a number or auto, got 'otsu'",
			assertThrows(IllegalArgumentException.class, () -> AutoNumber.parse("threshold", "otsu")).getMessage());
		assertEquals("auto", AutoNumber.text(Double.NaN));
	}
}
