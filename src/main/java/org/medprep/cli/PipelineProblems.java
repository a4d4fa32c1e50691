package org.medprep.cli;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Every problem found in a pipeline before anything ran, one line each with
 * where it is ("ct.ijm, line 3: ..."): a usage error that is shown whole,
 * not cut to its first line.
 */
final class PipelineProblems extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final List<String> lines;

	PipelineProblems(final List<String> lines) {
		super(String.join("\n", lines));
		this.lines = Collections.unmodifiableList(new ArrayList<>(lines));
	}

	List<String> lines() {
		return lines;
	}
}
