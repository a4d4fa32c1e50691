package org.medprep.commands.labels;

import java.util.ArrayList;
import java.util.List;

import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.labels.LabelMap;

import net.imglib2.type.numeric.RealType;

/**
 * A command that changes the labels of a case's label maps, voxel grid kept
 * (TorchIO's label transforms): every label map of the subject, or, if it has
 * none, its main member, which is then a label map (in ImageJ the active
 * image; on the command line a case whose {@code -i} input is a label map).
 * Each is read as whole numbers >= 0 (a clear error otherwise, naming it) and
 * written in the smallest unsigned type that holds its labels. Scalar images
 * are left alone.
 */
abstract class LabelMapCommand extends VolumeCommand {

	/** The new labels of one label map, the member {@code name}. */
	protected abstract LabelMap process(String name, LabelMap labels);

	@Override
	protected final Subject process(final Subject in, final StepRecord record) {
		Subject out = in;
		for (final String name : labelMaps(in)) {
			final Volume<? extends RealType<?>> v = in.volume(name);
			out = out.withLabel(name, v.withData(process(name, read(name, v)).toVolume().data()));
		}
		return out;
	}

	/** The members a label command works on: the label maps, else the main member. */
	static List<String> labelMaps(final Subject in) {
		final List<String> names = new ArrayList<>(in.labels().keySet());
		if (names.isEmpty()) names.add(in.mainName());
		return names;
	}

	/** @throws IllegalArgumentException naming the member if it is not a label map */
	static LabelMap read(final String name, final Volume<? extends RealType<?>> v) {
		try {
			return LabelMap.read(v);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("'" + name + "' is not a label map: " + e.getMessage(), e);
		}
	}
}
