package org.medprep.commands.augment;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;

import org.medprep.commands.OpenImagesCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.Pipeline;
import org.medprep.commands.engine.RecordsHistory;
import org.medprep.commands.engine.Seeds;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.engine.Threads;
import org.medprep.commands.imagej.CommandOptions;
import org.medprep.commands.imagej.CommandProgress;
import org.medprep.commands.imagej.HistoryStore;
import org.medprep.commands.imagej.InputChecks;
import org.medprep.commands.imagej.SubjectImages;
import org.medprep.commands.imagej.SubjectPipeline;
import org.medprep.core.History;
import org.medprep.core.Labels;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.augment.AugmentationPreview;
import org.medprep.core.augment.RandomAffine;
import org.medprep.core.augment.RandomElastic;
import org.medprep.core.augment.RandomFlip;
import org.medprep.core.augment.RandomRotate;
import org.medprep.core.augment.RandomSpatialTransform;
import org.medprep.core.augment.RandomZoom;
import org.medprep.core.spatial.BoundaryMode;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.Interpolation;
import org.medprep.core.spatial.Sampling;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("Augmentation Preview", "transform=[Random Affine] count=9 seed=42 label=seg")}: a grid of random
 * draws of a transform on one case, the label outline in red over the gray image (an RGB image to look at, not to process).
 * With {@code pipeline=recipe.ijm}, each draw runs the whole pipeline file instead (groups included, every step's seed
 * drawn from the draw's), on the image and the label map as one case, as {@code medprep run} runs a case
 * ({@link SubjectPipeline}). The history records the seed of each tile; the image's info (Image&gt;Show Info) says what
 * each tile drew.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Augment>Augmentation Preview",
	description = "A grid of N random draws of a transform (axial middle slices), the label outline drawn in red, to check an augmentation by eye.")
public class AugmentationPreviewCommand extends OpenImagesCommand implements RecordsHistory {

	@Parameter(label = "Image", persist = false, validater = "checkImage", description = "The case to augment (the active image in ImageJ).")
	private ImagePlus image;

	/** Refuses an empty image (what Fiji passes when none is open) before any work. */
	private void checkImage() {
		InputChecks.refuse(this, InputChecks.image(image));
	}

	@ChoicesOf(PreviewTransform.class)
	@Parameter(label = "Transform", choices = { "Random Affine", "Random Rotate 3D", "Random Zoom", "Random Flip", "Random Elastic dense", "Random Elastic control grid" },
		description = "The transform to preview, with moderate settings (affine: scales 0.9-1.1, 10 degrees, 5 mm; elastic dense: sigma 10, alpha 8 voxels; control grid: 7 points, 7.5 mm).")
	private String transform = "Random Affine";

	@Parameter(label = "Draws", min = "1", max = "64", description = "Number of random draws shown (1-64).")
	private int count = 9;

	@Parameter(label = "Seed", required = false, persist = false, description = "Same seed, same preview; empty: a seed is drawn and recorded.")
	private String seed = "";

	@Parameter(label = "Label image", initializer = "initLabel", persist = false, description = "Title of a label map on the same grid to outline, or None.")
	private String label = AugmentCommand.NO_LABEL;

	@Parameter(label = "Pipeline file", required = false, persist = false, style = "open",
		description = "A pipeline file (run lines, One Of / Some Of groups) to preview whole instead of one transform; its steps name the label map by the title above.")
	private File pipeline;

	@Parameter(type = ItemIO.OUTPUT, label = "Preview")
	private ImagePlus preview;

	protected void initLabel() {
		offerImageTitles("label", image, AugmentCommand.NO_LABEL);
	}

	static RandomSpatialTransform byName(final String name) {
		switch (Labels.parse(PreviewTransform.class, name, "transform")) {
			case AFFINE: return new RandomAffine(0.9, 1.1, false, new double[] { 10, 10, 10 }, new double[] { 5, 5, 5 });
			case ROTATE: return new RandomRotate(new double[] { 15, 15, 15 }, RandomRotate.Mode.PER_AXIS);
			case ZOOM: return new RandomZoom(0.8, 1.2, true);
			case FLIP: return new RandomFlip(0.5, 0.5, 0.5);
			case ELASTIC_DENSE: return RandomElastic.dense(10, 8);
			case ELASTIC_GRID: return RandomElastic.controlGrid(new int[] { 7, 7, 7 }, 7.5, 2);
			default: throw new IllegalArgumentException("unknown transform '" + name + "'");
		}
	}

	@Override
	protected void execute() {
		final String name = label();
		final long s = Seeds.resolve(seed);
		final StepRecord record = new StepRecord(name, CommandOptions.recorded(this)).seed(s);
		Subject subject = SubjectImages.of(image);
		final boolean withLabel = label != null && !label.isEmpty() && !AugmentCommand.NO_LABEL.equals(label);
		if (withLabel) {
			if (titles == null) throw new IllegalArgumentException("label image '" + label + "' cannot be looked up here");
			subject = SubjectImages.with(subject, label, Subject.Kind.LABEL, titles.find(label));
		}
		final Subject cases = subject;
		final String outlined = withLabel ? label : null;
		final AugmentationPreview.Result r;
		if (!CommandOptions.isGiven(pipeline)) {
			final double fill = minimum(subject.main());
			r = Threads.call(getContext(), () -> AugmentationPreview.of(cases, outlined, Collections.singletonList(byName(transform)), count, s,
				Sampling.of(Interpolation.LINEAR, BoundaryMode.BOX, fill), Interpolation.NEAREST), progress);
		} else {
			final SubjectPipeline steps = new SubjectPipeline(getContext(), readPipeline());
			r = Threads.call(getContext(), () -> previewPipeline(steps, cases, outlined, s, progress), progress);
		}
		preview = render(r);
		preview.setProperty("Info", String.join("\n", r.draws()));
		final long[] tiles = r.tileSeeds();
		final StringBuilder seeds = new StringBuilder("[");
		for (int i = 0; i < tiles.length; i++) seeds.append(i == 0 ? "" : ",").append(tiles[i]);
		record.drawn("tile_seeds", seeds.append(']').toString());
		HistoryStore.put(preview, subject.history().then(record.toStep()));
	}

	private Pipeline readPipeline() {
		try {
			return Pipeline.parse(new String(Files.readAllBytes(pipeline.toPath()), StandardCharsets.UTF_8), pipeline.getName());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("pipeline file " + pipeline + " cannot be read: " + e.getMessage());
		}
	}

	/**
	 * Each draw runs the whole pipeline on the case, every seed drawn from the
	 * tile's; the tile's description is what the draw added to the history.
	 */
	private AugmentationPreview.Result previewPipeline(final SubjectPipeline steps, final Subject subject, final String outlined, final long s,
		final CommandProgress progress)
	{
		if (count < 1) throw new IllegalArgumentException("the preview needs at least 1 draw, got " + count);
		final SplittableRandom seeds = new SplittableRandom(s);
		final List<Subject> drawn = new ArrayList<>();
		final List<String> descriptions = new ArrayList<>();
		final long[] tileSeeds = new long[count];
		final int before = subject.history().size();
		for (int i = 0; i < count; i++) {
			progress.progress(i, count, "draw " + (i + 1) + " of " + count);
			tileSeeds[i] = seeds.nextLong();
			final Subject out = steps.seeded(tileSeeds[i]).run(subject, image.getTitle(), (name, value, ofCase) -> {}).materialize();
			final List<History.Step> added = out.history().steps().subList(before, out.history().size());
			descriptions.add("seed " + tileSeeds[i] + ": " + History.of(added).toText().trim().replace('\n', ' '));
			drawn.add(out);
		}
		return AugmentationPreview.tile(drawn, outlined, descriptions, tileSeeds);
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
