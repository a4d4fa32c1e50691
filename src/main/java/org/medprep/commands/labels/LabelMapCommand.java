package org.medprep.commands.labels;

import org.medprep.commands.VolumeCommand;
import org.medprep.core.Volume;
import org.medprep.core.labels.LabelMap;

import net.imglib2.type.numeric.RealType;

/**
 * A command that changes the labels of a label map, voxel grid kept: the
 * input is read as whole numbers >= 0 (a clear error otherwise) and the result
 * is written in the smallest unsigned type that holds its labels.
 */
abstract class LabelMapCommand extends VolumeCommand {

	/** The new labels. */
	protected abstract LabelMap process(LabelMap labels);

	@Override
	protected final Volume<? extends RealType<?>> process(final Volume<? extends RealType<?>> in) {
		final LabelMap map;
		try {
			map = LabelMap.read(in);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + image.getTitle() + "' is not a label map: " + e.getMessage(), e);
		}
		return in.withData(process(map).toVolume().data());
	}
}
