package org.medprep.bench;

import java.util.concurrent.Callable;

import org.medprep.core.ComputedPlanes;
import org.medprep.core.Volume;

import net.imglib2.RandomAccessibleInterval;

/**
 * One timed operation. {@link #setup} builds the input once (not timed);
 * {@link #run} is timed on repeated calls and must do the whole operation
 * (its result is kept from the optimizer by the runner).
 */
public final class BenchmarkCase {

	private final String name;
	private final long voxels;
	private final Callable<Object> setup;
	private final Runner run;

	/** The timed body, given what setup returned. */
	@FunctionalInterface
	public interface Runner {
		Object run(Object input) throws Exception;
	}

	/**
	 * @param name e.g. "HU Window 512x512x300 int16"
	 * @param voxels voxels processed by one run (for voxels per second)
	 */
	public BenchmarkCase(final String name, final long voxels, final Callable<Object> setup, final Runner run) {
		this.name = name;
		this.voxels = voxels;
		this.setup = setup;
		this.run = run;
	}

	public String name() { return name; }
	public long voxels() { return voxels; }
	public Object setup() throws Exception { return setup.call(); }
	/** Runs the body; a result whose planes are computed when first read ({@link ComputedPlanes}) is computed here, within the time. */
	public Object run(final Object input) throws Exception {
		final Object result = run.run(input);
		if (result instanceof Volume) ComputedPlanes.computeAll(((Volume<?>) result).data());
		else if (result instanceof RandomAccessibleInterval) ComputedPlanes.computeAll((RandomAccessibleInterval<?>) result);
		return result;
	}
}
