package org.medprep.commands.augment;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import org.medprep.commands.IntensityCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.augment.intensity.IntensityDraw;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.plugin.Parameter;

import net.imglib2.type.numeric.RealType;

/**
 * The shape of a random intensity command: with probability {@code p}, a draw
 * from {@code seed} applied to each scalar image of the case (never to a label
 * map). One generator per run, from the seed: first whether the step applies
 * (drawn only when p &lt; 1), then each image's parameters in member order, so
 * a case of several images gets a draw of its own for each, and the seed
 * replays them all. An empty seed draws one; the seed used goes into the
 * history, with what was drawn as the step's {@code // drawn:} record:
 * {@code p_draw} and {@code applied} when p &lt; 1, then the draw's parameters
 * (for an image other than the main one, prefixed with its name:
 * {@code flair.gamma}). A step that is not applied leaves the case as it is.
 */
public abstract class IntensityAugmentCommand extends IntensityCommand {

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Same seed, same output whatever the thread count; empty: a seed is drawn and recorded.")
	protected String seed = "";

	@Parameter(label = "Probability", min = "0", max = "1", stepSize = "0.05",
		description = "Probability that the transform is applied, in [0, 1]; the decision is drawn from the seed and recorded.")
	protected double p = 1;

	/** The random transform with this command's settings (validated). */
	protected abstract RandomIntensityTransform transform();

	@Override
	protected final ImageStep imageStep(final Subject in, final StepRecord record) {
		final RandomIntensityTransform t = transform();
		final Optional<SplittableRandom> started = RandomRun.start(seed, p, record);
		if (!started.isPresent()) return null;
		final SplittableRandom random = started.get();
		final String main = in.mainName();
		return (name, image) -> {
			final IntensityDraw draw = t.draw(image, random);
			final String prefix = name.equals(main) ? "" : recordName(name) + ".";
			for (final Map.Entry<String, String> e : draw.drawn().entrySet()) record.drawn(prefix + e.getKey(), e.getValue());
			return draw.apply(image);
		};
	}

	/** The step on one image alone, as the only scalar image of its case. */
	@Override
	protected final Volume<? extends RealType<?>> processImage(final Volume<? extends RealType<?>> image, final Subject subject, final StepRecord record) {
		final ImageStep step = imageStep(subject, record);
		return step == null ? image : step.apply(subject.mainName(), image);
	}

	/** A member's name as a drawn parameter's prefix: no spaces, no '=' (an ImageJ title may hold them). */
	private static String recordName(final String member) {
		return member.replaceAll("[\\s=]", "_");
	}
}
