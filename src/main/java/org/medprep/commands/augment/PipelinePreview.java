package org.medprep.commands.augment;

import ij.ImagePlus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.commands.CommandCatalog;
import org.medprep.commands.CommandInvocation;
import org.medprep.commands.CommandOptions;
import org.medprep.commands.Composition;
import org.medprep.commands.History;
import org.medprep.commands.ImagePlusVolumes;
import org.medprep.commands.ImageTitleService;
import org.medprep.commands.MacroLine;
import org.medprep.commands.MacroOptions;
import org.medprep.commands.Pipeline;
import org.medprep.core.Volume;
import org.medprep.core.augment.Subject;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import net.imglib2.type.numeric.RealType;

/**
 * One preview draw of a whole pipeline file: every step (groups included) run
 * on the case as {@code medprep run} runs it, each seed derived from the
 * draw's seed, the label map handed from step to step under its title. The
 * label image registered under that title is put back afterwards.
 */
final class PipelinePreview {

	private final CommandCatalog catalog;
	private final CommandInvocation invocation;
	private final ImageTitleService titles;

	PipelinePreview(final Context context) {
		this.catalog = new CommandCatalog(context.service(CommandService.class));
		this.invocation = new CommandInvocation(context);
		this.titles = context.service(ImageTitleService.class);
	}

	/** @throws IllegalArgumentException naming a step that names no command */
	void validate(final Pipeline pipeline) {
		for (final MacroLine step : pipeline.steps()) if (!Composition.isMarker(step.label())) catalog.byLabel(step.label());
	}

	/**
	 * @param label title of the label map the steps name (null for none)
	 * @param description receives what the draw did, one entry per history line it added
	 */
	Subject draw(final Pipeline pipeline, final ImagePlus image, final String label, final long seed, final List<String> description) {
		final boolean wasRegistered = label != null && titles.isRegistered(label);
		final ImagePlus originalLabel = label == null ? null : titles.find(label);
		try {
			ImagePlus current = image;
			ImagePlus currentLabel = originalLabel;
			final int before = History.of(image).size();
			for (final Composition.Item item : Composition.resolve(withSeeds(pipeline.steps(), seed))) {
				if (item.note() != null) {
					if (current == image) current = withOwnProperties(image);
					History.append(current, item.note());
					continue;
				}
				final CommandInvocation.Result r = invocation.run(catalog.byLabel(item.step().label()), item.step().options(), current);
				ImagePlus main = null, other = null;
				int others = 0;
				for (final Map.Entry<String, Object> out : r.outputs().entrySet()) {
					if (!(out.getValue() instanceof ImagePlus)) continue;
					if (main == null) main = (ImagePlus) out.getValue();
					else {
						other = (ImagePlus) out.getValue();
						others++;
					}
				}
				if (main != null) current = main;
				if (label != null && label.equals(MacroOptions.get(item.step().options(), "label")) && others == 1) {
					currentLabel = other;
					titles.register(label, other);
				}
			}
			final List<String> lines = History.of(current);
			description.addAll(lines.subList(Math.min(before, lines.size()), lines.size()));
			final Volume<? extends RealType<?>> img = ImagePlusVolumes.toVolume(current);
			final Map<String, Volume<? extends RealType<?>>> labels = currentLabel == null ? Collections.emptyMap()
				: Collections.singletonMap(label, ImagePlusVolumes.toVolume(currentLabel));
			return Subject.of(img, labels);
		}
		finally {
			if (label != null) {
				if (wasRegistered) titles.register(label, originalLabel);
				else titles.unregister(label);
			}
		}
	}

	/** The input's pixels with properties of its own, so a note never touches the user's image. */
	private static ImagePlus withOwnProperties(final ImagePlus image) {
		final ImagePlus copy = new ImagePlus(image.getTitle(), image.getStack());
		copy.setCalibration(image.getCalibration());
		for (final String key : new String[] { History.PROPERTY, ImagePlusVolumes.GEOMETRY_PROPERTY, ImagePlusVolumes.METADATA_PROPERTY })
			if (image.getProp(key) != null) copy.setProp(key, image.getProp(key));
		return copy;
	}

	/** Every group and every step whose command takes a seed gets one derived from the draw's seed, in step order. */
	private List<MacroLine> withSeeds(final List<MacroLine> steps, final long seed) {
		final SplittableRandom seeds = new SplittableRandom(seed);
		final List<MacroLine> out = new ArrayList<>();
		for (final MacroLine step : steps) {
			final long s = seeds.nextLong() >>> 12;
			final boolean seeded = Composition.ONE_OF.equals(step.label()) || Composition.SOME_OF.equals(step.label())
				|| (!Composition.isMarker(step.label()) && takesSeed(catalog.byLabel(step.label())));
			out.add(seeded ? Composition.withOption(step, "seed", Long.toString(s)) : step);
		}
		return out;
	}

	private static boolean takesSeed(final CommandInfo info) {
		for (final ModuleItem<?> item : CommandOptions.optionItems(info))
			if ("seed".equals(item.getName())) return true;
		return false;
	}
}
