package org.medprep.io;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * One-line problem descriptions for users: what went wrong in words, never a
 * Java class name or a stack trace. MedPrep's own exceptions (I/O, format and
 * argument errors) carry such a message already; an exception that only a bug
 * can raise (a null pointer, an index out of bounds) is called an internal
 * error, since its text speaks of code, not of the input.
 */
public final class UserMessages {

	private UserMessages() {}

	/** The first line of the first message in the cause chain that is meant for users, or a plain description. */
	public static String oneLine(final Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (!isMeantForUsers(t)) continue;
			final String m = t.getMessage();
			if (m != null && !m.trim().isEmpty()) return firstLine(m);
		}
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t instanceof AccessDeniedException) return "permission denied: " + ((AccessDeniedException) t).getFile();
			if (t instanceof NoSuchFileException) return "no such file: " + ((NoSuchFileException) t).getFile();
			if (t instanceof NotDirectoryException) return "not a folder: " + ((NotDirectoryException) t).getFile();
			if (t instanceof java.nio.file.FileSystemException) {
				final java.nio.file.FileSystemException f = (java.nio.file.FileSystemException) t;
				return (f.getReason() == null ? "file system error" : f.getReason()) + ": " + f.getFile();
			}
			if (t instanceof OutOfMemoryError) return "not enough memory (raise the Java heap, e.g. -Xmx8g)";
		}
		return "unexpected internal error (please report it with the input that caused it)";
	}

	/** I/O, argument and state problems explain the input; other runtime exceptions explain code. */
	private static boolean isMeantForUsers(final Throwable t) {
		if (t instanceof java.nio.file.FileSystemException) return false; // their message is only the path: described below
		return t instanceof java.io.IOException || t instanceof UncheckedIOException || t instanceof IllegalArgumentException
			|| t instanceof IllegalStateException || t instanceof UnsupportedOperationException;
	}

	private static String firstLine(final String m) {
		final int nl = m.indexOf('\n');
		return (nl < 0 ? m : m.substring(0, nl)).trim();
	}
}
