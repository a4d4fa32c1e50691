package org.medprep.commands.imagej;

import ij.IJ;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.medprep.commands.engine.Failures;
import org.medprep.commands.engine.RunProgress;
import org.medprep.commands.engine.Threads;
import org.medprep.core.ProgressListener;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;

/**
 * Progress and stop requests of one command run, adapted to its host. Core
 * reports through this {@link ProgressListener} (N4 iterations, NMF and
 * k-means iterations, DICOM files), and every task of core's parallel loops
 * (planes, row chunks; see {@link Threads#call(org.scijava.Context, java.util.concurrent.Callable, RunProgress)})
 * passes through {@link #checkpoint} too. A stop request (Esc in ImageJ 1.x,
 * the command cancelled in Fiji, or its thread interrupted) makes the next
 * report or task throw {@link CancellationException}; the command ends
 * cancelled ({@link Failures}) before any output exists. Progress goes to
 * ImageJ 1.x's progress bar and status line, and to Fiji's status bar, at most
 * ten times a second.
 * <p>
 * Pattern for a new long-running command: pass {@code CommandProgress.of(this, status, label)}
 * as the core algorithm's ProgressListener (and {@link #stopFlag()} where it polls a flag),
 * run it through {@code Threads.call(context, work, progress)}, and report at iteration or plane boundaries.
 */
public final class CommandProgress implements ProgressListener, RunProgress {

	private static final long INTERVAL_NANOS = 100_000_000L;

	private final Cancelable command;
	private final StatusService status;
	private final String label;
	private final Thread runner;
	private volatile boolean reportsItself;
	private long lastReport;

	private CommandProgress(final Cancelable command, final StatusService status, final String label) {
		this.command = command;
		this.status = status;
		this.label = label;
		this.runner = Thread.currentThread();
	}

	/** For a run on the current thread; {@code command} and {@code status} may be null. */
	public static CommandProgress of(final Cancelable command, final StatusService status, final String label) {
		return new CommandProgress(command, status, label);
	}

	/** True once the user asked to stop this run. */
	public boolean stopRequested() {
		return command != null && command.isCanceled() || IJ.escapePressed() || runner.isInterrupted();
	}

	/** The flag for core code that polls instead of reporting. */
	public BooleanSupplier stopFlag() {
		return this::stopRequested;
	}

	@Override
	public void checkpoint() {
		if (stopRequested()) throw new CancellationException(label + " was stopped" + (IJ.escapePressed() ? " (Esc)" : ""));
	}

	@Override
	public void progress(final long done, final long total, final String message) {
		reportsItself = true;
		checkpoint();
		show(done, total, message);
	}

	@Override
	public boolean onRunnerThread() {
		return Thread.currentThread() == runner;
	}

	/** A listener that shows progress and never stops the run: for work that cannot be abandoned half-way without leaving partial outputs. */
	public ProgressListener showingOnly() {
		return (done, total, message) -> show(done, total, message);
	}

	/** Shown unless core reports the run's progress itself. */
	@Override
	public void loopProgress(final long done, final long total) {
		if (!reportsItself) show(done, total, null);
	}

	/** The bar is cleared when the run ends, whatever happened. */
	@Override
	public void finish() {
		IJ.showProgress(1, 1);
		if (status != null) status.clearStatus();
	}

	private synchronized void show(final long done, final long total, final String message) {
		final long now = System.nanoTime();
		if (done < total && now - lastReport < INTERVAL_NANOS) return;
		lastReport = now;
		final int d = (int) Math.min(Integer.MAX_VALUE, done), t = (int) Math.min(Integer.MAX_VALUE, Math.max(total, 1));
		IJ.showProgress(d, t);
		if (message != null) IJ.showStatus(label + ": " + message);
		if (status != null) {
			status.showProgress(d, t);
			if (message != null) status.showStatus(label + ": " + message);
		}
	}
}
