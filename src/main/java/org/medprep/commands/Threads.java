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

	public static <R> R call(final Callable<R> work) {
		return Parallelization.runWithNumThreads(count(), work);
	}
}
