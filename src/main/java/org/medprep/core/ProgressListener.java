package org.medprep.core;

/**
 * Progress of a long computation, reported by core algorithms and adapted to
 * the host (status bar, console) at the edge.
 */
@FunctionalInterface
public interface ProgressListener {

	ProgressListener NONE = (done, total, message) -> {};

	/** Called with {@code done} out of {@code total} work units finished. */
	void progress(long done, long total, String message);
}
