package org.medprep.commands.augment;

import java.util.Optional;
import java.util.SplittableRandom;

import org.medprep.commands.SpatialCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.SpatialDraw;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialStep;
import org.scijava.plugin.Parameter;

/**
 * The shape of a random spatial command: with probability {@code p}, one draw
 * from {@code seed} applied to every member of the subject. An empty seed
 * draws one; the seed used and the parameters drawn go into the history (the
 * option itself is left as given, so a recorded macro with an empty seed
 * draws anew each time, and the history replays the exact output). The
 * decision to apply is drawn first, and only when p &lt; 1 (recorded as
 * {@code p_draw} and {@code applied}), so seeds recorded before p existed
 * replay unchanged. A step that is not applied is an identity step: nothing
 * is resampled, and the spatial steps around it stay fused.
 */
public abstract class AugmentCommand extends SpatialCommand {

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Same seed, same output whatever the thread count; empty: a seed is drawn and recorded.")
	protected String seed = "";

	@ChoicesOf(value = Interpolation.class, only = { "NEAREST", "LINEAR", "CUBIC" })
	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline" }, description = "Interpolation of the image.")
	protected String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Fill value", description = "Image value where the transform reads outside the input (label maps get 0).")
	protected double fill = 0;

	@Parameter(label = "Probability", min = "0", max = "1", stepSize = "0.05",
		description = "Probability that the transform is applied, in [0, 1]; the decision is drawn from the seed and recorded.")
	protected double p = 1;

	/** The random transform with this command's settings (validated). */
	protected abstract RandomSpatialTransform transform();

	@Override
	protected SpatialStep step(final Subject in, final StepRecord record) {
		final RandomSpatialTransform t = transform();
		final Sampling sampling = Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.BOX, fill);
		final Interpolation labels = labelInterpolation();
		final Optional<SplittableRandom> random = RandomRun.start(seed, p, record);
		if (!random.isPresent()) return SpatialStep.identity(in.grid(), sampling, labels);
		final SpatialDraw draw = t.draw(in, random.get());
		record.draw(draw);
		return RandomSpatialTransform.step(in.grid(), draw, sampling, labels);
	}
}
