package org.medprep.commands;

import java.util.Set;

import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A command that changes intensities: {@link #processImage} runs on every
 * scalar image of the subject (TorchIO's intensity transforms), label maps
 * are kept, and so are the members the step's own options name (a mask, a
 * reference image: inputs of the step, not its targets). In ImageJ the
 * subject is the active image, so the active image is what changes.
 * <p>
 * A step that decides once for the whole case (a random step: its seed,
 * whether it applies at all, then each image's draw from one generator)
 * overrides {@link #imageStep} instead of working image by image.
 */
public abstract class IntensityCommand extends VolumeCommand {

	/** One run's work on a scalar image of the case, given with its member name. */
	@FunctionalInterface
	protected interface ImageStep {
		Volume<? extends RealType<?>> apply(String name, Volume<? extends RealType<?>> image);
	}

	@Override
	protected final Subject process(final Subject in, final StepRecord record) {
		final Set<String> inputs = membersNamedInOptions(in);
		final ImageStep step = imageStep(in, record);
		// a step that changes nothing leaves the case as it is, its pending spatial steps too (they stay fused with the next ones)
		if (step == null) return in;
		return in.mapNamedImages(name -> !inputs.contains(name), step::apply);
	}

	/**
	 * This run's work on each scalar image, in member order: {@link #processImage}
	 * by default. Called once per run, before any image; null when the step
	 * changes nothing (a random step that is not applied).
	 */
	protected ImageStep imageStep(final Subject in, final StepRecord record) {
		return (name, image) -> processImage(image, in, record);
	}

	/**
	 * The work on one scalar image of {@code subject} (on its grid).
	 * Secondary inputs named in the options are found with {@link #named}.
	 */
	protected abstract Volume<? extends RealType<?>> processImage(Volume<? extends RealType<?>> image, Subject subject, StepRecord record);
}
