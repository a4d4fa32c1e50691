package org.medprep.core.registration;

/**
 * The registration problem at one pyramid level: the two level images, the
 * moving mask (or null), the fixed points' sampler and the metric. Evaluates
 * the cost and its gradient for a transform on one stream of points.
 */
final class LevelProblem {

	final LevelImage fixed, moving, movingMask;
	final FixedSampler sampler;
	final ImageMetric metric;
	private SampleChunk[] retained = new SampleChunk[0];
	private final ThreadLocal<SampleChunk> scratch;

	LevelProblem(final LevelImage fixed, final LevelImage moving, final LevelImage movingMask, final FixedSampler sampler, final ImageMetric metric) {
		this.fixed = fixed;
		this.moving = moving;
		this.movingMask = movingMask;
		this.sampler = sampler;
		this.metric = metric;
		this.scratch = ThreadLocal.withInitial(() -> new SampleChunk(sampler.chunkCapacity()));
	}

	/** What one evaluation saw. */
	static final class Evaluation {
		final double value;
		final int valid, requested;

		Evaluation(final double value, final int valid, final int requested) {
			this.value = value;
			this.valid = valid;
			this.requested = requested;
		}
	}

	/**
	 * The cost at {@code transform} over the points of {@code stream}.
	 * @param samples points asked for (random and regular sampling)
	 * @param gradient filled with the cost's gradient, or null
	 */
	Evaluation evaluate(final ParametricTransform transform, final int samples, final long stream, final double[] gradient) {
		final SamplePass pass = new SamplePass(this, transform, samples, stream);
		if (sampler.points(samples) <= SamplePass.RETAIN_LIMIT) ensureRetained(sampler.chunks(samples));
		final double value = metric.evaluate(pass, gradient);
		return new Evaluation(value, pass.validCount(), pass.requestedCount());
	}

	private void ensureRetained(final int chunks) {
		if (retained.length >= chunks) return;
		final SampleChunk[] grown = java.util.Arrays.copyOf(retained, chunks);
		for (int c = retained.length; c < chunks; c++) grown[c] = new SampleChunk(sampler.chunkCapacity());
		retained = grown;
	}

	/** The kept scratch of chunk {@code c} (only one task uses a chunk at a time). */
	SampleChunk retainedChunk(final int c) {
		return retained[c];
	}

	/** A per-thread scratch chunk, for passes too large to keep. */
	SampleChunk scratchChunk() {
		return scratch.get();
	}
}
