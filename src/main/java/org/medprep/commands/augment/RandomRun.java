package org.medprep.commands.augment;

import java.util.Optional;
import java.util.SplittableRandom;

import org.medprep.commands.engine.StepRecord;
import org.medprep.core.augment.Chance;

/**
 * How every random augmentation step starts its run, spatial or intensity:
 * the seed resolved (drawn when empty) and recorded, one generator from it,
 * then whether the step applies ({@link Chance}: drawn only when p &lt; 1, the
 * draw recorded). The step's own parameters are drawn from the same generator
 * afterwards, so one seed replays the decision and the parameters together.
 */
final class RandomRun {

	private RandomRun() {}

	/**
	 * The run's generator, past the decision; empty when the step is not applied.
	 *
	 * @throws IllegalArgumentException for a seed that is not a whole number or p outside [0, 1]
	 */
	static Optional<SplittableRandom> start(final String seed, final double p, final StepRecord record) {
		final long used = record.resolveSeed(seed);
		final SplittableRandom random = new SplittableRandom(used);
		final Chance chance = Chance.draw(p, random);
		chance.drawn().forEach(record::drawn);
		return chance.applied() ? Optional.of(random) : Optional.empty();
	}
}
