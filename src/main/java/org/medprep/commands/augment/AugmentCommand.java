package org.medprep.commands.augment;

import java.util.SplittableRandom;

import org.medprep.commands.DrawnParameters;
import org.medprep.commands.SpatialCommand;
import org.medprep.commands.Seeds;
import org.medprep.core.Volume;
import org.medprep.core.augment.Chance;
import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.SpatialDraw;
import org.medprep.core.augment.Subject;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.core.spatial.SpatialPlan;
import org.scijava.plugin.Parameter;

import net.imglib2.type.numeric.RealType;

/**
 * The shape of a random spatial command: with probability {@code p}, one draw
 * from {@code seed} applied to the image and, with the same parameters, to a
 * label image named by title. An empty seed draws one; the seed used is
 * written back into the parameter, so the recorded macro line (and the
 * history) replays the exact output, the decision to apply included (drawn
 * first, and only when p &lt; 1, so seeds recorded before p existed replay
 * unchanged). When not applied, image and label map are copied onto their own
 * grid. The drawn parameters are kept beside the history line and in the
 * {@value #DRAW_PROPERTY} property of the outputs.
 */
public abstract class AugmentCommand extends SpatialCommand implements DrawnParameters {

	public static final String DRAW_PROPERTY = "MedPrep.Draw";

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Same seed, same output whatever the thread count; empty: a seed is drawn and recorded.")
	protected String seed = "";

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
	protected Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		final RandomSpatialTransform t = transform();
		final long s = resolveSeed();
		final Subject subject = subject(in);
		final SplittableRandom random = new SplittableRandom(s);
		final Chance chance = Chance.draw(p, random);
		final Sampling sampling = Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.BOX, fill);
		final Subject out;
		if (chance.applied()) {
			final SpatialDraw draw = t.draw(subject, random);
			out = RandomSpatialTransform.apply(subject, draw, sampling, Interpolation.fromLabel(label_method));
			lastDraw = (chance.toString().isEmpty() ? "" : chance + ", ") + draw;
		} else {
			out = subject.resample(SpatialPlan.identity(subject.grid()), null, sampling, Interpolation.fromLabel(label_method));
			lastDraw = chance.toString();
		}
		setLabelResult(transformedLabel(out));
		if (label_result != null) label_result.setProp(DRAW_PROPERTY, lastDraw);
		return out.image();
	}

	private String lastDraw;

	@Override
	public void run() {
		super.run();
		if (result != null && lastDraw != null) result.setProp(DRAW_PROPERTY, lastDraw);
	}

	@Override
	public String drawn() {
		return lastDraw;
	}

	/** The seed parameter as a long, drawing (and recording) one if empty. */
	private long resolveSeed() {
		final long used = Seeds.resolve(seed);
		seed = Long.toString(used);
		return used;
	}

}
