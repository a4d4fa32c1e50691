package org.medprep.commands.engine;

import java.util.concurrent.Callable;

import org.scijava.Context;

import net.imglib2.parallel.Parallelization;
import net.imglib2.parallel.TaskExecutor;
import net.imglib2.parallel.TaskExecutors;

/**
 * Runs core work with an explicit thread count: the {@link ThreadCount} of the
 * command's context (ImageJ's Edit>Options>Memory &amp; Threads in Fiji, {@code
 * --threads} in the CLI). Core's parallel loops read it from ImgLib2's
 * {@link Parallelization} context, never from a global preference.
 */
public final class Threads {

	private Threads() {}

	/**
	 * The thread count of {@code context}; every processor where there is no context or no
	 * {@link ThreadCount} (ImageJ's own default; each host's context has one: Fiji's, the
	 * bridge's and the CLI's).
	 */
	public static int count(final Context context) {
		final ThreadCount t = context == null ? null : context.getService(ThreadCount.class);
		return t != null ? t.count() : Runtime.getRuntime().availableProcessors();
	}

	/** Runs {@code work} with the thread count of {@code context}; see {@link #call(int, Callable)}. */
	public static <R> R call(final Context context, final Callable<R> work) {
		return call(count(context), work);
	}

	/** Runs {@code work} with {@code threads} threads; its unchecked exceptions come out as they were thrown. */
	public static <R> R call(final int threads, final Callable<R> work) {
		try {
			return Parallelization.runWithNumThreads(threads, work);
		}
		catch (final RuntimeException e) {
			throw unwrapped(e);
		}
	}

	/**
	 * Like {@link #call(Context, Callable)}, and every task of core's parallel loops first checks
	 * {@code progress} for a stop request and then reports the loop's progress.
	 */
	public static <R> R call(final Context context, final Callable<R> work, final RunProgress progress) {
		try (TaskExecutor executor = new StoppableTaskExecutor(TaskExecutors.numThreads(count(context)), progress)) {
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
