package org.medprep.core;

import java.util.List;

/**
 * A choice with the label users see and type: the text of a dialog's choice, a
 * macro's option value and a CLI flag's value. Implemented by the enums that
 * name choices, so a command's choice list and its parsing come from one
 * place ({@link Labels}).
 */
public interface Labelled {

	/** The label shown, recorded and accepted (case-insensitively). */
	String label();

	/**
	 * Other spellings accepted for this choice (earlier labels that macros and
	 * pipelines already use); never shown, never recorded.
	 */
	default List<String> oldSpellings() {
		return List.of();
	}
}
