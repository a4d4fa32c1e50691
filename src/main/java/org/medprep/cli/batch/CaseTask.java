package org.medprep.cli.batch;

import java.util.List;

/** The work a batch does on one case: read it, run the steps, write its outputs. */
public interface CaseTask {

	/**
	 * Runs one case. Outputs are in place when this returns; on any throw, none are.
	 *
	 * @return what the case wrote
	 */
	CaseOutput run(CaseRef c) throws Exception;

	/** Every file the case reads (its own files and, e.g., a paired label map), for the manifest and resume. */
	default List<String> inputs(final CaseRef c) {
		return c.files();
	}

	/** Frees what the case held, after it finished or failed (called inside the case's boundary). */
	default void release(final CaseRef c) {}
}
