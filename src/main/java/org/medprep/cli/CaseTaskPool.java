package org.medprep.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;

import org.medprep.cli.batch.CaseOutput;
import org.medprep.cli.batch.CaseRef;
import org.medprep.cli.batch.CaseTask;
import org.scijava.Context;

/**
 * The work of {@code medprep run} on several cases at the same time: each case
 * that runs takes a case task of its own, made in a SciJava context of its own
 * (a case registers its images' titles in its context, and a context's
 * command instances serve one case at a time), as {@code medprep spark} keeps
 * one per Spark task. The first is the run's own; the others are made when a
 * case first needs one, with the same checked pipeline and seeds, and closed
 * with the pool. Which one runs a case changes nothing in what the case writes.
 */
final class CaseTaskPool implements CaseTask, AutoCloseable {

	private final PipelineCaseTask first;
	private final Function<Context, PipelineCaseTask> tasks;
	private final int threads;
	private final ConcurrentLinkedQueue<PipelineCaseTask> idle = new ConcurrentLinkedQueue<>();
	private final List<Context> made = new ArrayList<>();

	/**
	 * @param first the run's own task (its context stays the caller's to close)
	 * @param tasks makes a task like {@code first} in a new context
	 * @param threads the thread count of the contexts made here
	 */
	CaseTaskPool(final PipelineCaseTask first, final Function<Context, PipelineCaseTask> tasks, final int threads) {
		this.first = first;
		this.tasks = tasks;
		this.threads = threads;
		idle.add(first);
	}

	@Override
	public CaseOutput run(final CaseRef c) throws Exception {
		final PipelineCaseTask task = take();
		try {
			return task.run(c);
		}
		finally {
			task.release(c);
			idle.add(task);
		}
	}

	/** The same for every task: the case's files and its members' files. */
	@Override
	public List<String> inputs(final CaseRef c) {
		return first.inputs(c);
	}

	private PipelineCaseTask take() {
		final PipelineCaseTask idleTask = idle.poll();
		if (idleTask != null) return idleTask;
		final Context context = CliContext.create(threads);
		synchronized (made) {
			made.add(context);
		}
		try {
			return tasks.apply(context);
		}
		catch (final RuntimeException e) {
			context.dispose();
			throw e;
		}
	}

	/** Disposes the contexts made here. */
	@Override
	public void close() {
		synchronized (made) {
			for (final Context c : made) c.dispose();
			made.clear();
		}
	}
}
