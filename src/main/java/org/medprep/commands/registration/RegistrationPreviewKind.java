package org.medprep.commands.registration;

import java.util.List;

import org.medprep.core.Labelled;

/** The picture Register Images adds to check its result. */
public enum RegistrationPreviewKind implements Labelled {
	CHECKERBOARD("checkerboard"),
	COLOUR_OVERLAY("colour overlay"),
	NONE("none");

	private final String label;

	RegistrationPreviewKind(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	/** The US spelling. */
	@Override
	public List<String> oldSpellings() { return this == COLOUR_OVERLAY ? List.of("color overlay") : List.of(); }
}
