package org.medprep.commands.augment;

import java.util.SplittableRandom;

import org.medprep.commands.Seeds;
import org.medprep.commands.SpatialCommand;
import org.medprep.commands.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.SpatialDraw;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialStep;
import org.scijava.plugin.Parameter;

/**
 * The shape of a random spatial command: one draw from {@code seed} applied
 * to every member of the subject. An empty seed draws one; the seed used and
 * the parameters drawn go into the history (the option itself is left as
 * given, so a recorded macro with an empty seed draws anew each time, and the
 * history replays the exact output).
 */
public abstract class AugmentCommand extends SpatialCommand {

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Same seed, same output whatever the thread count; empty: a seed is drawn and recorded.")
	protected String seed = "";

	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline" }, description = "Interpolation of the image.")
	protected String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Fill value", description = "Image value where the transform reads outside the input (label maps get 0).")
	protected double fill = 0;

	/** The random transform with this command's settings (validated). */
	protected abstract RandomSpatialTransform transform();

	@Override
	protected SpatialStep step(final Subject in, final StepRecord record) {
		final RandomSpatialTransform t = transform();
		final long used = Seeds.resolve(seed);
		record.seed(used);
		final SpatialDraw draw = t.draw(in, new SplittableRandom(used));
		record.draw(draw);
		final Sampling sampling = Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.BOX, fill);
		return RandomSpatialTransform.step(in.grid(), draw, sampling, labelInterpolation());
	}
}
