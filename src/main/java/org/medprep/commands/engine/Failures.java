package org.medprep.commands.engine;

import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;

import org.scijava.Cancelable;
import org.scijava.Context;
import org.scijava.Contextual;

/**
 * A command's failure that its user can act on (a bad option, an unreadable
 * file, a stop request) ends the command as cancelled with one line that names
 * the problem: every host shows that line (Fiji aborts the macro at it, the
 * CLI prints it), where a thrown exception would show a stack trace in Fiji.
 * Anything else is a defect and keeps its stack trace. The exception behind a
 * cancel stays available to callers that need its kind ({@link FailureCauses}).
 */
public final class Failures {

	private Failures() {}

	/** {@link #run(Cancelable, String, Runnable)} for commands whose stops carry their own message. */
	public static boolean run(final Cancelable command, final Runnable work) {
		return run(command, "the command", work);
	}

	/**
	 * Runs {@code work}; a user-facing failure cancels {@code command} with its message.
	 *
	 * @return false when the command was cancelled
	 */
	public static boolean run(final Cancelable command, final String label, final Runnable work) {
		try {
			work.run();
			return true;
		}
		catch (final RuntimeException e) {
			final String reason = reason(e, label);
			if (reason == null) throw e;
			command.cancel(reason);
			keepCause(command, e);
			return false;
		}
	}

	/** Keeps what the cancel came from in the command's context ({@link FailureCauses}), where there is one. */
	private static void keepCause(final Cancelable command, final RuntimeException e) {
		final Context context = command instanceof Contextual ? ((Contextual) command).getContext() : null;
		final FailureCauses causes = context == null ? null : context.getService(FailureCauses.class);
		if (causes != null) causes.put(command, e);
	}

	/** The one line for a user-facing failure, or null for a defect. */
	public static String reason(final RuntimeException e, final String label) {
		for (Throwable t = e; t != null; t = t.getCause())
			if (t instanceof CancellationException) return t.getMessage() == null ? label + " was stopped" : t.getMessage(); // ForkJoin rethrows a stop without its message
		final Throwable cause = meaningful(e);
		if (cause instanceof IllegalArgumentException || cause instanceof UncheckedIOException || cause instanceof CommandFailedException)
			return message(cause, label);
		return null;
	}

	/**
	 * The first message on the cause chain, on one line; a failure that carries
	 * none says so in words, never by its class name.
	 */
	public static String message(final Throwable failure, final String label) {
		for (Throwable t = failure; t != null; t = t.getCause())
			if (t.getMessage() != null && !t.getMessage().isBlank()) return oneLine(t.getMessage());
		return label + " cannot work with these inputs";
	}

	private static String oneLine(final String text) {
		return text.trim().replaceAll("\\s*\\R\\s*", "; ");
	}

	/**
	 * The exception that says what went wrong, below the wrappers that threads add:
	 * ExecutionException, plain RuntimeException, and the copies ForkJoin makes when
	 * it rethrows a worker's exception (same class, message = the original's toString).
	 */
	public static Throwable meaningful(final Throwable thrown) {
		Throwable t = thrown;
		while (t.getCause() != null && (t instanceof ExecutionException || t.getClass() == RuntimeException.class || t.getMessage() == null
			|| t.getMessage().equals(t.getCause().toString())))
			t = t.getCause();
		return t;
	}
}
