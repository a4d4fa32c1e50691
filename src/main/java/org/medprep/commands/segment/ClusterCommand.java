package org.medprep.commands.segment;

import org.medprep.commands.VolumeCommand;
import org.medprep.core.Subject;

/**
 * A step whose result is a map of k intensity clusters (K-Means Cluster, NMF
 * K-Means Segment): the result is shown as a label map, colours and range 0..k.
 * Declares no parameters, so the subclasses' dialogs keep their order.
 */
abstract class ClusterCommand extends VolumeCommand {

	/** The number of clusters asked for: the highest label. */
	protected abstract int clusterCount();

	@Override
	protected void publish(final Subject out) {
		super.publish(out);
		SegmentOutputs.asLabels(result, clusterCount());
	}
}
