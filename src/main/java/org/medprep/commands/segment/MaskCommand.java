package org.medprep.commands.segment;

import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A command that segments the case's main image into an 8-bit mask on its
 * grid (body, brain, lungs, foreground): the mask replaces the main member as
 * a label map, so the steps after it treat it as one.
 */
abstract class MaskCommand extends VolumeCommand {

	/** The mask of {@code image} (0 outside), on its grid. */
	protected abstract PlanarImg<UnsignedByteType, ByteArray> mask(Volume<? extends RealType<?>> image);

	@Override
	protected final Subject process(final Subject subject, final StepRecord record) {
		final Volume<? extends RealType<?>> in = subject.main();
		return replaceMain(subject, Subject.Kind.LABEL, in.withData(mask(in)));
	}
}
