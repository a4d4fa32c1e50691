package org.medprep.commands.augment;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.commands.ImagePlusVolumes;
import org.medprep.commands.ImageTitleService;
import org.medprep.core.Volume;
import org.medprep.core.augment.AugmentationPreview;
import org.medprep.core.augment.RandomAffine;
import org.medprep.core.augment.RandomElastic;
import org.medprep.core.augment.RandomFlip;
import org.medprep.core.augment.RandomRotate;
import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.RandomZoom;
import org.medprep.core.augment.Subject;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.medprep.commands.Failures;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.DynamicCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Augmentation Preview", "transform=[Random Affine] count=9 seed=42 label=seg")}: a grid of random
 * draws of a transform on one case, the label outline in red over the gray image (an RGB image to look at, not to process).
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Augmentation Preview",
	description = "A grid of N random draws of a transform (axial middle slices), the label outline drawn in red, to check an augmentation by eye.")
public class AugmentationPreviewCommand extends DynamicCommand {

	@Parameter(label = "Image", persist = false, description = "The case to augment (the active image in ImageJ).")
	private ImagePlus image;

	@Parameter(label = "Transform", choices = { "Random Affine", "Random Rotate 3D", "Random Zoom", "Random Flip", "Random Elastic dense", "Random Elastic control grid" },
		description = "The transform to preview, with moderate settings (affine: scales 0.9-1.1, 10 degrees, 5 mm; elastic dense: sigma 10, alpha 8 voxels; control grid: 7 points, 7.5 mm).")
	private String transform = "Random Affine";

	@Parameter(label = "Draws", min = "1", max = "64", description = "Number of random draws shown (1-64).")
	private int count = 9;

	@Parameter(label = "Seed", required = false, persist = false, description = "Same seed, same preview; empty: a seed is drawn and recorded.")
	private String seed = "";

	@Parameter(label = "Label image", initializer = "initLabel", persist = false, description = "Title of a label map on the same grid to outline, or None.")
	private String label = AugmentCommand.NO_LABEL;

	@Parameter(required = false)
	private ImageTitleService titles;

	@Parameter(type = ItemIO.OUTPUT, label = "Preview")
	private ImagePlus result;

	protected void initLabel() {
		final List<String> choices = new ArrayList<>();
		choices.add(AugmentCommand.NO_LABEL);
		if (titles != null)
			for (final String t : titles.titles())
				if (image == null || !t.equals(image.getTitle())) choices.add(t);
		getInfo().getMutableInput("label", String.class).setChoices(choices);
	}

	static RandomSpatialTransform byName(final String name) {
		switch (name) {
			case "Random Affine": return new RandomAffine(0.9, 1.1, false, new double[] { 10, 10, 10 }, new double[] { 5, 5, 5 });
			case "Random Rotate 3D": return new RandomRotate(new double[] { 15, 15, 15 }, RandomRotate.Mode.PER_AXIS);
			case "Random Zoom": return new RandomZoom(0.8, 1.2, true);
			case "Random Flip": return new RandomFlip(0.5, 0.5, 0.5);
			case "Random Elastic dense": return RandomElastic.dense(10, 8);
			case "Random Elastic control grid": return RandomElastic.controlGrid(new int[] { 7, 7, 7 }, 7.5, 2);
			default: throw new IllegalArgumentException("unknown transform '" + name + "'");
		}
	}

	@Override
	public void run() {
		Failures.run(this, this::execute); // a bad input cancels with one line
	}

	private void execute() {
		final long s;
		if (seed == null || seed.trim().isEmpty()) {
			s = new SplittableRandom().nextLong() >>> 12;
			seed = Long.toString(s);
		} else {
			try {
				s = Long.parseLong(seed.trim());
			} catch (final NumberFormatException e) {
				throw new IllegalArgumentException("seed must be a whole number, got '" + seed + "'");
			}
		}
		final Volume<? extends RealType<?>> in = ImagePlusVolumes.toVolume(image);
		final boolean withLabel = label != null && !label.isEmpty() && !AugmentCommand.NO_LABEL.equals(label);
		if (withLabel && titles == null) throw new IllegalArgumentException("label image '" + label + "' cannot be looked up here");
		final Map<String, Volume<? extends RealType<?>>> labels = withLabel
			? Collections.singletonMap(label, ImagePlusVolumes.toVolume(titles.find(label))) : Collections.emptyMap();
		final AugmentationPreview.Result r = org.medprep.commands.Threads.call(() -> AugmentationPreview.of(Subject.of(in, labels), withLabel ? label : null,
			Collections.singletonList(byName(transform)), count, s, Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, minimum(in)), Interpolation.NEAREST));
		result = render(r);
		result.setProp(AugmentCommand.DRAW_PROPERTY, String.join("\n", r.draws()));
	}

	private static double minimum(final Volume<? extends RealType<?>> v) {
		double m = Double.POSITIVE_INFINITY;
		for (final float x : FloatVolumes.read(v.data())) m = Math.min(m, x);
		return m;
	}

	private ImagePlus render(final AugmentationPreview.Result r) {
		final int w = (int) r.image().dimension(0), h = (int) r.image().dimension(1);
		final float[] img = FloatVolumes.read(r.image().data());
		final float[] mask = FloatVolumes.read(r.outline().data());
		final FloatProcessor fp = new FloatProcessor(w, h, img);
		fp.resetMinAndMax();
		final ColorProcessor cp = fp.convertToColorProcessor();
		final int[] pixels = (int[]) cp.getPixels();
		for (int i = 0; i < pixels.length; i++) if (mask[i] != 0) pixels[i] = 0xff0000;
		return new ImagePlus(image.getTitle() + "-preview", cp);
	}
}
