package org.medprep.commands.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

import net.imglib2.parallel.TaskExecutor;

/**
 * ImgLib2's task executor, with a {@link RunProgress} checkpoint before
 * every task and, for loops the run's own thread starts, the loop's progress after it: core's parallel loops (one task
 * per plane or row chunk) stop within a task of a stop request and show
 * progress, without core knowing about either.
 */
public final class StoppableTaskExecutor implements TaskExecutor {

	private final TaskExecutor delegate;
	private final RunProgress progress;

	public StoppableTaskExecutor(final TaskExecutor delegate, final RunProgress progress) {
		this.delegate = delegate;
		this.progress = progress;
	}

	@Override
	public int getParallelism() {
		return delegate.getParallelism();
	}

	@Override
	public int suggestNumberOfTasks() {
		return delegate.suggestNumberOfTasks();
	}

	@Override
	public void runAll(final List<Runnable> tasks) {
		final AtomicLong done = new AtomicLong();
		final boolean shown = progress.onRunnerThread();
		final List<Runnable> wrapped = new ArrayList<>(tasks.size());
		for (final Runnable task : tasks)
			wrapped.add(() -> {
				progress.checkpoint();
				task.run();
				if (shown) progress.loopProgress(done.incrementAndGet(), tasks.size());
			});
		delegate.runAll(wrapped);
	}

	@Override
	public <T> void forEach(final List<? extends T> parameters, final Consumer<? super T> task) {
		final AtomicLong done = new AtomicLong();
		final boolean shown = progress.onRunnerThread();
		delegate.forEach(parameters, p -> {
			progress.checkpoint();
			task.accept(p);
			if (shown) progress.loopProgress(done.incrementAndGet(), parameters.size());
		});
	}

	@Override
	public <T, R> List<R> forEachApply(final List<? extends T> parameters, final Function<? super T, ? extends R> task) {
		final AtomicLong done = new AtomicLong();
		final boolean shown = progress.onRunnerThread();
		return delegate.forEachApply(parameters, p -> {
			progress.checkpoint();
			final R r = task.apply(p);
			if (shown) progress.loopProgress(done.incrementAndGet(), parameters.size());
			return r;
		});
	}

	@Override
	public ExecutorService getExecutorService() {
		return delegate.getExecutorService();
	}

	@Override
	public void close() {
		delegate.close();
	}
}
