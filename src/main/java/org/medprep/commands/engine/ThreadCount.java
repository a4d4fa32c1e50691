package org.medprep.commands.engine;

import org.scijava.service.SciJavaService;

/**
 * How many threads the operations of one context use: the host's setting
 * (ImageJ's Edit>Options>Memory &amp; Threads) unless a caller sets a count for
 * its own context, as the CLI does for {@code --threads}, so no global
 * preference changes under other code running in the same JVM.
 */
public interface ThreadCount extends SciJavaService {

	/** The thread count, at least 1. */
	int count();

	/**
	 * Sets this context's count.
	 *
	 * @throws IllegalArgumentException if {@code threads} is below 1
	 */
	void set(int threads);
}
