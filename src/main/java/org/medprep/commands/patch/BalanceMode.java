package org.medprep.commands.patch;

import org.medprep.core.Labelled;

/** How Label Balanced Patches picks centres: foreground or background (pos/neg), or a ratio per label (classes). */
public enum BalanceMode implements Labelled {
	POS_NEG("pos/neg"),
	CLASSES("classes");

	private final String label;

	BalanceMode(final String label) { this.label = label; }

	@Override
	public String label() { return label; }
}
