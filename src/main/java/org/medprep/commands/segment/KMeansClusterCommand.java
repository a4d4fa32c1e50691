package org.medprep.commands.segment;

import org.medprep.commands.MaskOption;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.segment.IntensityClustering;
import org.medprep.core.segment.IntensityClusters;
import org.medprep.core.segment.KMeansParameters;
import org.medprep.core.segment.MaskRule;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/** {@code run("K-Means Cluster", "k=4 mask=[Non-zero voxels] n_init=10 seed=0")}. */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Segment>K-Means Cluster",
	description = "k-means of the standardized intensities of all voxels, the non-zero voxels or a mask (scikit-learn 1.2 semantics); "
		+ "labels 1..K by increasing intensity, 0 outside the selection.")
public class KMeansClusterCommand extends ClusterCommand {

	@Parameter(label = "Clusters (K)", min = "1", max = "255", description = "Number of clusters (at most the number of distinct intensities).")
	private int k = 4;

	@ChoicesOf(MaskRule.class)
	@Parameter(label = "Voxels", initializer = "initMask", persist = false,
		description = "Voxels clustered: all voxels, non-zero voxels, voxels > 0, Otsu threshold, or the title of a mask image (non-zero inside).")
	private String mask = MaskRule.ALL.label();

	@Parameter(label = "Restarts", min = "1", description = "n_init: k-means++ restarts, the lowest inertia kept.")
	private int n_init = 10;

	@Parameter(label = "Max iterations", min = "1", description = "max_iter: Lloyd iterations per restart.")
	private int max_iter = 300;

	@Parameter(label = "Tolerance", description = "tol, relative to the variance of the standardized intensities.")
	private double tol = 1e-4;

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Seed of the k-means++ draws; empty: a seed is drawn and recorded.")
	private String seed = "";

	@Override
	protected int clusterCount() {
		return k;
	}

	@Override
	protected PlanarImg<UnsignedByteType, ByteArray> cluster(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		final KMeansParameters p = KMeansParameters.of(k).withNInit(n_init).withMaxIter(max_iter).withTol(tol).withSeed(record.resolveSeed(seed));
		final IntensityClusters c = IntensityClustering.cluster(in.data(), MaskOption.resolve(mask, in, title -> named(subject, title)), p, progress,
			progress.stopFlag());
		clusters = SegmentOutputs.clusterTable(c, 1, k);
		return c.labels();
	}

	@Override
	protected String titleSuffix() {
		return "clusters";
	}
}
