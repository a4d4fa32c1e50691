package org.medprep.commands.augment;

import java.util.SplittableRandom;

import org.medprep.commands.DrawnParameters;
import org.medprep.commands.Seeds;
import org.medprep.commands.VolumeCommand;
import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.augment.Chance;
import org.medprep.core.augment.intensity.IntensityDraw;
import org.medprep.core.augment.intensity.RandomIntensityTransform;
import org.scijava.plugin.Parameter;

import net.imglib2.type.numeric.RealType;

/**
 * The shape of a random intensity command: with probability {@code p}, one
 * draw from {@code seed} applied to the image (never to a label map: these
 * commands have none; in a pipeline a label map passes them untouched). An
 * empty seed draws one, written back into the parameter so the recorded line
 * replays the exact output; the draw, or that it was not applied, is
 * recorded beside the line in the history and in the
 * {@value AugmentCommand#DRAW_PROPERTY} property. The output is a new float
 * image, a copy when the transform was not applied.
 */
public abstract class IntensityAugmentCommand extends VolumeCommand implements DrawnParameters {

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Same seed, same output whatever the thread count; empty: a seed is drawn and recorded.")
	protected String seed = "";

	@Parameter(label = "Probability", min = "0", max = "1", stepSize = "0.05",
		description = "Probability that the transform is applied, in [0, 1]; the decision is drawn from the seed and recorded.")
	protected double p = 1;

	private String drawn;

	/** The random transform with this command's settings. */
	protected abstract RandomIntensityTransform transform();

	@Override
	protected Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		final RandomIntensityTransform t = transform();
		final long s = Seeds.resolve(seed);
		seed = Long.toString(s);
		final SplittableRandom random = new SplittableRandom(s);
		final Chance chance = Chance.draw(p, random);
		if (!chance.applied()) {
			drawn = chance.toString();
			return in.withData(Planes.toFloat(in.data(), (z, v, out) -> {
				for (int i = 0; i < out.length; i++) out[i] = (float) v[i];
			}));
		}
		final IntensityDraw draw = t.draw(in, random);
		drawn = (chance.toString().isEmpty() ? "" : chance + ", ") + draw;
		return draw.apply(in);
	}

	@Override
	public void run() {
		super.run();
		if (result != null && drawn != null) result.setProp(AugmentCommand.DRAW_PROPERTY, drawn);
	}

	@Override
	public String drawn() {
		return drawn;
	}
}
