package org.medprep.commands;

import ij.Prefs;

import java.util.concurrent.Callable;

import net.imglib2.parallel.Parallelization;

/**
 * Runs core work with ImageJ's thread setting (Edit>Options>Memory &amp; Threads
 * in Fiji, {@code --threads} in the CLI, which sets the same preference).
 */
public final class Threads {

	private Threads() {}

	public static int count() {
		return Math.max(1, Prefs.getThreads());
	}

	/** Runs {@code work} with ImageJ's thread count; its unchecked exceptions come out as they were thrown. */
	public static <R> R call(final Callable<R> work) {
		try {
			return Parallelization.runWithNumThreads(count(), work);
		}
		catch (final RuntimeException e) {
			// Parallelization wraps whatever the work threw in a plain RuntimeException
			if (e.getClass() == RuntimeException.class && e.getCause() instanceof RuntimeException) throw (RuntimeException) e.getCause();
			throw e;
		}
	}
}
