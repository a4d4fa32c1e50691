package org.medprep.ij1;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The dialog's layout rules, without a display. */
class ParameterDialogTest {

	@Test
	void descriptionsWrapAtWordsWithinTheWidth() {
		final String text = "N4 bias-field correction (Tustison 2010, as ITK's N4BiasFieldCorrectionImageFilter): a B-spline bias model";
		final String wrapped = ParameterDialog.wrap(text, 40);
		assertEquals("N4 bias-field correction (Tustison 2010,\nas ITK's\nN4BiasFieldCorrectionImageFilter): a\nB-spline bias model", wrapped);
		assertEquals(text, wrapped.replace('\n', ' '));
		assertEquals("short", ParameterDialog.wrap("short", 40));
	}

	@Test
	void xyzTriplesShareARow() {
		assertTrue(ParameterDialog.sameTriple("spacing_x", "spacing_y"));
		assertTrue(ParameterDialog.sameTriple("spacing_y", "spacing_z"));
		assertFalse(ParameterDialog.sameTriple("spacing_x", "spacing_z"));
		assertFalse(ParameterDialog.sameTriple("spacing_z", "size_x"));
		assertFalse(ParameterDialog.sameTriple("label", "label_method"));
	}
}
