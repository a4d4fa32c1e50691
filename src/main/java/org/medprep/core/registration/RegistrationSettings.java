package org.medprep.core.registration;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * How a registration runs. The defaults are those of elastix's default affine
 * parameter map ({@code GetDefaultParameterMap("affine")}): affine transform,
 * Mattes mutual information with 32 bins, 4 pyramid levels, 256 iterations per
 * level of adaptive stochastic gradient descent, 2048 new random points per
 * iteration; MedPrep adds an initialization by the centres of mass and an
 * explicit seed. Immutable; the {@code with*} methods return modified copies
 * (the fields are set only on a copy that no one else has seen yet).
 */
public final class RegistrationSettings {

	private TransformType transform;
	private MetricType metric;
	private int bins, levels, iterations, samples;
	private SamplingStrategy sampling;
	private Initialization initialization;
	private long seed;

	private RegistrationSettings(final TransformType transform, final MetricType metric, final int bins, final int levels, final int iterations,
		final int samples, final SamplingStrategy sampling, final Initialization initialization, final long seed)
	{
		this.transform = transform;
		this.metric = metric;
		this.bins = bins;
		this.levels = levels;
		this.iterations = iterations;
		this.samples = samples;
		this.sampling = sampling;
		this.initialization = initialization;
		this.seed = seed;
		checked();
	}

	/** This, after refusing settings out of range. */
	private RegistrationSettings checked() {
		if (transform == null || metric == null || sampling == null || initialization == null)
			throw new IllegalArgumentException("transform, metric, sampling and initialization must not be null");
		if (bins < 8 || bins > 256) throw new IllegalArgumentException("histogram bins must be within 8-256, got " + bins);
		if (levels < 1 || levels > 8) throw new IllegalArgumentException("pyramid levels must be within 1-8, got " + levels);
		if (iterations < 1 || iterations > 100_000) throw new IllegalArgumentException("iterations per level must be within 1-100000, got " + iterations);
		if (samples < 64 || samples > 10_000_000) throw new IllegalArgumentException("samples per iteration must be within 64-10000000, got " + samples);
		return this;
	}

	/** A copy with {@code change} made to it, checked. */
	private RegistrationSettings with(final Consumer<RegistrationSettings> change) {
		final RegistrationSettings copy = new RegistrationSettings(transform, metric, bins, levels, iterations, samples, sampling, initialization, seed);
		change.accept(copy);
		return copy.checked();
	}

	/** elastix's default affine map with MedPrep's initialization, seed 0. */
	public static RegistrationSettings defaults() {
		return new RegistrationSettings(TransformType.AFFINE, MetricType.MATTES_MI, 32, 4, 256, 2048, SamplingStrategy.RANDOM,
			Initialization.CENTRE_OF_MASS, 0);
	}

	public TransformType transform() { return transform; }
	public MetricType metric() { return metric; }
	public int bins() { return bins; }
	public int levels() { return levels; }
	public int iterations() { return iterations; }
	public int samples() { return samples; }
	public SamplingStrategy sampling() { return sampling; }
	public Initialization initialization() { return initialization; }
	public long seed() { return seed; }

	public RegistrationSettings withTransform(final TransformType t) { return with(copy -> copy.transform = t); }
	public RegistrationSettings withMetric(final MetricType m) { return with(copy -> copy.metric = m); }
	public RegistrationSettings withBins(final int b) { return with(copy -> copy.bins = b); }
	public RegistrationSettings withLevels(final int l) { return with(copy -> copy.levels = l); }
	public RegistrationSettings withIterations(final int i) { return with(copy -> copy.iterations = i); }
	public RegistrationSettings withSamples(final int s) { return with(copy -> copy.samples = s); }
	public RegistrationSettings withSampling(final SamplingStrategy s) { return with(copy -> copy.sampling = s); }
	public RegistrationSettings withInitialization(final Initialization i) { return with(copy -> copy.initialization = i); }
	public RegistrationSettings withSeed(final long s) { return with(copy -> copy.seed = s); }

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%s, %s%s, %d levels x %d iterations, %s sampling (%d points), %s initialization, seed %d", transform.label(),
			metric.label(), metric == MetricType.MATTES_MI ? " (" + bins + " bins)" : "", levels, iterations, sampling.label(), samples,
			initialization.label(), seed);
	}
}
