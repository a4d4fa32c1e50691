package org.medprep.commands.engine;

/** A command that ran and failed; the message names the command and says why. */
public class CommandFailedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	public CommandFailedException(final String message) {
		super(message);
	}

	public CommandFailedException(final String message, final Throwable cause) {
		super(message, cause);
	}
}
