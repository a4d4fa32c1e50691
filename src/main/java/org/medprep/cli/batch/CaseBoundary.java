package org.medprep.cli.batch;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The wall around one case: whatever the case throws, an exception or an
 * Error such as {@link OutOfMemoryError}, ends that case only. What it held is
 * released, the reason becomes one line for the user, and the batch goes on.
 * (Catching an Error is right here and only here: the failed case's memory is
 * unreachable once its frames are gone, so the next case starts clean.)
 */
public final class CaseBoundary {

	/** A Java class name with its package, as exception texts carry them ("java.lang.NullPointerException: "). */
	private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

	private CaseBoundary() {}

	public static CaseResult run(final CaseRef c, final CaseTask task) {
		final long t0 = System.nanoTime();
		CaseResult result;
		try {
			final CaseOutput out = task.run(c);
			result = CaseResult.done(c, seconds(t0), out);
		}
		catch (final Throwable t) { // the boundary: see the class comment
			if (t instanceof InterruptedException) Thread.currentThread().interrupt();
			result = CaseResult.failed(c, seconds(t0), reason(t), t);
		}
		finally {
			release(c, task);
		}
		return result;
	}

	private static void release(final CaseRef c, final CaseTask task) {
		try {
			task.release(c);
		}
		catch (final RuntimeException ignored) {
			// nothing is left to free for a case whose release failed; the next case releases what it holds
		}
	}

	private static double seconds(final long t0) {
		return (System.nanoTime() - t0) / 1e9;
	}

	/** One line for the user: the message, without class names; the kind of failure when there is none. */
	static String reason(final Throwable thrown) {
		for (Throwable t = thrown; t != null; t = t.getCause()) {
			if (t instanceof OutOfMemoryError) return prefix(thrown, t) + "out of memory (the Java heap holds at most "
				+ Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB: give Java more, e.g. JAVA_OPTS=-Xmx8g, or use fewer --threads)";
			if (t instanceof StackOverflowError) return prefix(thrown, t) + "stack overflow";
		}
		final String message = thrown.getMessage();
		if (thrown instanceof Error || message == null || message.trim().isEmpty() || isProgrammingError(thrown))
			return "internal error (" + kind(thrown) + "); run with -Dmedprep.debug=true for details";
		final String firstLine = message.trim().split("\r?\n", 2)[0];
		return CLASS_NAME.matcher(firstLine).replaceAll("").trim();
	}

	/** The message of the step that failed ("HU Window: ") when the Error is wrapped in one. */
	private static String prefix(final Throwable outer, final Throwable error) {
		if (outer == error || outer.getMessage() == null) return "";
		final int colon = outer.getMessage().indexOf(": ");
		return colon > 0 && !outer.getMessage().substring(0, colon).contains(".") ? outer.getMessage().substring(0, colon + 2) : "";
	}

	private static boolean isProgrammingError(final Throwable t) {
		return t instanceof NullPointerException || t instanceof ClassCastException || t instanceof IndexOutOfBoundsException
			|| t instanceof ArithmeticException || t instanceof ArrayStoreException || t instanceof NegativeArraySizeException;
	}

	private static String kind(final Throwable t) {
		final String name = t.getClass().getSimpleName().replaceAll("(Exception|Error)$", "");
		return name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
	}
}
