package org.medprep.cli.batch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What one case wrote (paths relative to the output folder) and the seeds its random steps used, by step number. */
public final class CaseOutput {

	private final List<String> outputs;
	private final Map<Integer, Long> seeds;

	public CaseOutput(final List<String> outputs, final Map<Integer, Long> seeds) {
		this.outputs = Collections.unmodifiableList(new ArrayList<>(outputs));
		this.seeds = Collections.unmodifiableMap(new LinkedHashMap<>(seeds));
	}

	public List<String> outputs() { return outputs; }
	public Map<Integer, Long> seeds() { return seeds; }
}
