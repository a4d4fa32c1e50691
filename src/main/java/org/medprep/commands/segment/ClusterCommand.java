package org.medprep.commands.segment;

import ij.measure.ResultsTable;

import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * A step whose result is a map of k intensity clusters (K-Means Cluster, NMF
 * K-Means Segment): the result is shown as a label map, colours and range 0..k.
 * The clusters' table is an output of both. Declares no input, so the
 * subclasses' dialogs keep their order.
 */
abstract class ClusterCommand extends VolumeCommand {

	@Parameter(type = ItemIO.OUTPUT, label = "Clusters")
	protected ResultsTable clusters;

	/** The number of clusters asked for: the highest label. */
	protected abstract int clusterCount();

	/**
	 * The cluster labels of {@code in}, the case's main image, on its grid (0
	 * outside what is clustered); sets {@link #clusters} and any other output.
	 */
	protected abstract PlanarImg<UnsignedByteType, ByteArray> cluster(Volume<? extends RealType<?>> in, Subject subject, StepRecord record);

	@Override
	protected final Subject process(final Subject subject, final StepRecord record) {
		final Volume<? extends RealType<?>> in = subject.main();
		return replaceMain(subject, Subject.Kind.LABEL, in.withData(cluster(in, subject, record)));
	}

	@Override
	protected void publish(final Subject out) {
		super.publish(out);
		SegmentOutputs.asLabels(result, clusterCount());
	}
}
