package org.medprep.commands;

import java.util.Set;

import org.medprep.core.Subject;
import org.medprep.core.Volume;

import net.imglib2.type.numeric.RealType;

/**
 * A command that changes intensities: {@link #processImage} runs on every
 * scalar image of the subject (TorchIO's intensity transforms), label maps
 * are kept, and so are the members the step's own options name (a mask, a
 * reference image: inputs of the step, not its targets). In ImageJ the
 * subject is the active image, so the active image is what changes.
 */
public abstract class IntensityCommand extends VolumeCommand {

	@Override
	protected final Subject process(final Subject in, final StepRecord record) {
		final Set<String> inputs = membersNamedInOptions(in);
		return in.mapImages(name -> !inputs.contains(name), image -> processImage(image, in, record));
	}

	/**
	 * The work on one scalar image of {@code subject} (on its grid).
	 * Secondary inputs named in the options are found with {@link #named}.
	 */
	protected abstract Volume<? extends RealType<?>> processImage(Volume<? extends RealType<?>> image, Subject subject, StepRecord record);
}
