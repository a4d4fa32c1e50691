package org.medprep.commands.segment;

import org.medprep.core.Labelled;

/** How many air components Lung Mask keeps: one, or the two lungs. */
public enum LungComponents implements Labelled {
	ONE("1"),
	TWO("2");

	private final String label;

	LungComponents(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	/** The number of components. */
	public int count() { return ordinal() + 1; }
}
