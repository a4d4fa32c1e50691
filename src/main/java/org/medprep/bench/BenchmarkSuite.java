package org.medprep.bench;

import java.util.List;

import org.medprep.core.Volume;

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

	/**
	 * The cases on a volume the user gives ({@code medprep bench --input FILE}),
	 * for suites whose cases take one image; the others ignore it.
	 */
	default List<BenchmarkCase> cases(final boolean quick, final Volume<?> input) {
		return cases(quick);
	}

	/**
	 * The name of the case the others are compared with (a memory-bandwidth
	 * baseline, say): it is listed first and each other case is reported as a
	 * multiple of its time. Null for none.
	 */
	default String baselineCase() {
		return null;
	}
}
