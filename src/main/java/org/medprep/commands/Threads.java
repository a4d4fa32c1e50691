package org.medprep.commands;

import ij.Prefs;

import java.util.concurrent.Callable;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

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
			throw unwrapped(e);
		}
	}

	/**
	 * Like {@link #call(Callable)}, and every task of core's parallel loops first checks
	 * {@code progress} for a stop request and then reports the loop's progress.
	 */
	public static <R> R call(final Callable<R> work, final CommandProgress progress) {
		try (TaskExecutor executor = new StoppableTaskExecutor(TaskExecutors.numThreads(count()), progress)) {
			return Parallelization.runWithExecutor(executor, work);
		}
		catch (final RuntimeException e) {
			throw unwrapped(e);
		}
		finally {
			progress.finish();
		}
	}

	/** Parallelization wraps whatever the work threw in a plain RuntimeException. */
	private static RuntimeException unwrapped(final RuntimeException e) {
		if (e.getClass() == RuntimeException.class && e.getCause() instanceof RuntimeException) return (RuntimeException) e.getCause();
		return e;
	}
}
