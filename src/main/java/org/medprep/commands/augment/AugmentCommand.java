package org.medprep.commands.augment;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.commands.ImagePlusVolumes;
import org.medprep.commands.Seeds;
import org.medprep.commands.VolumeCommand;
import org.medprep.core.Volume;
import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.SpatialDraw;
import org.medprep.core.augment.Subject;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import net.imglib2.type.numeric.RealType;

/**
 * The shape of a random spatial command: one draw from {@code seed} applied to
 * the image and, with the same parameters, to a label image named by title.
 * An empty seed draws one; the seed used is written back into the parameter,
 * so the recorded macro line (and the history) replays the exact output. The
 * drawn parameters are kept in the {@value #DRAW_PROPERTY} property of the outputs.
 */
public abstract class AugmentCommand extends VolumeCommand {

	public static final String DRAW_PROPERTY = "MedPrep.Draw";
	public static final String NO_LABEL = "None";

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Same seed, same output whatever the thread count; empty: a seed is drawn and recorded.")
	protected String seed = "";

	@Parameter(label = "Label image", initializer = "initLabel", persist = false,
		description = "Title of a label map on the same grid that gets the same draw, or None.")
	protected String label = NO_LABEL;

	@Parameter(label = "Label interpolation", choices = { "nearest", "label (one-hot linear)" },
		description = "nearest, or label: each label's mask interpolated linearly, the largest wins (never invents values).")
	protected String label_method = Interpolation.NEAREST.label();

	@Parameter(label = "Interpolation", choices = { "nearest", "linear", "cubic B-spline" }, description = "Interpolation of the image.")
	protected String interpolation = Interpolation.LINEAR.label();

	@Parameter(label = "Fill value", description = "Image value where the transform reads outside the input (label maps get 0).")
	protected double fill = 0;

	@Parameter(type = ItemIO.OUTPUT, label = "Label result", required = false)
	protected ImagePlus label_result;

	protected void initLabel() {
		final List<String> choices = new ArrayList<>();
		choices.add(NO_LABEL);
		if (titles != null)
			for (final String t : titles.titles())
				if (image == null || !t.equals(image.getTitle())) choices.add(t);
		getInfo().getMutableInput("label", String.class).setChoices(choices);
	}

	/** The random transform with this command's settings (validated). */
	protected abstract RandomSpatialTransform transform();

	@Override
	protected Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		final RandomSpatialTransform t = transform();
		final long s = resolveSeed();
		final ImagePlus labelImp = label == null || label.isEmpty() || NO_LABEL.equals(label) ? null : imageTitled(label);
		final Map<String, Volume<? extends RealType<?>>> labels = labelImp == null ? Collections.emptyMap()
			: Collections.singletonMap(label, ImagePlusVolumes.toVolume(labelImp));
		final Subject subject = Subject.of(in, labels);
		final SpatialDraw draw = t.draw(subject, new SplittableRandom(s));
		final Sampling sampling = Sampling.of(Interpolation.fromLabel(interpolation), BoundaryMode.BOX, fill);
		final Subject out = RandomSpatialTransform.apply(subject, draw, sampling, Interpolation.fromLabel(label_method));
		if (labelImp != null) {
			label_result = ImagePlusVolumes.toImagePlus(out.labels().get(label), baseTitle(labelImp.getTitle()) + "-" + titleSuffix(), labelImp);
			label_result.setProp(DRAW_PROPERTY, draw.toString());
		}
		lastDraw = draw.toString();
		return out.image();
	}

	private String lastDraw;

	@Override
	public void run() {
		super.run();
		if (result != null && lastDraw != null) result.setProp(DRAW_PROPERTY, lastDraw);
	}

	/** The seed parameter as a long, drawing (and recording) one if empty. */
	private long resolveSeed() {
		final long used = Seeds.resolve(seed);
		seed = Long.toString(used);
		return used;
	}

	private static String baseTitle(final String t) {
		final int dot = t.lastIndexOf('.');
		return dot > 0 && t.length() - dot <= 5 ? t.substring(0, dot) : t;
	}
}
