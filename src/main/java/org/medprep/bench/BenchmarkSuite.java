package org.medprep.bench;

import java.util.List;

/**
 * A family of benchmark cases, found with {@link java.util.ServiceLoader}
 * (list implementations in {@code META-INF/services/org.medprep.bench.BenchmarkSuite}).
 * {@code medprep bench} runs them and reports voxels per second and peak memory.
 */
public interface BenchmarkSuite {

	/** Short name, used to filter from the command line (e.g. "intensity", "nifti"). */
	String name();

	/**
	 * The cases to run. {@code quick} asks for small inputs (seconds in all),
	 * used by the tests to check every case runs; otherwise the standard volumes.
	 */
	List<BenchmarkCase> cases(boolean quick);
}
