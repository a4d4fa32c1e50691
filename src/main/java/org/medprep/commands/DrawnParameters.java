package org.medprep.commands;

/**
 * A random command that tells what it drew (the concrete parameters, or that
 * it was not applied). The history records it beside the step's macro line,
 * as a trailing comment, so every case's file says what was done to it.
 */
public interface DrawnParameters {

	/** One line; null before the command ran. */
	String drawn();
}
