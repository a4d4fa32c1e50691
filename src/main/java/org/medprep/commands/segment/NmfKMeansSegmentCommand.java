package org.medprep.commands.segment;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.medprep.commands.engine.AutoNumber;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.commands.imagej.ImagePlusVolumes;
import org.medprep.commands.imagej.LabelMaps;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.segment.ClusterSource;
import org.medprep.core.segment.ForegroundMethod;
import org.medprep.core.segment.KMeansParameters;
import org.medprep.core.segment.NmfInit;
import org.medprep.core.segment.NmfKMeansSegmentation;
import org.medprep.core.segment.NmfSolver;
import org.medprep.core.segment.SegmentationParameters;
import org.medprep.core.segment.SegmentationResult;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;

/**
 * {@code run("NMF K-Means Segment", "n_components=3 k=4 kmin=2 kmax=4 ...")}: the knee-MRI study's pipeline.
 * The result is the label image (clusters kmin..kmax, distinct colours); also the NMF basis images, the
 * foreground mask, tables of the clusters and of the NMF, and optionally the inverted image.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Segment>NMF K-Means Segment",
	description = "NMF basis of the slice stack (one column per slice), foreground mask, k-means of the standardized foreground intensities, "
		+ "label image keeping clusters kmin..kmax (scikit-learn 1.2 semantics).")
public class NmfKMeansSegmentCommand extends ClusterCommand {

	@Parameter(label = "NMF components", min = "1", description = "n_components: basis images (at most the number of slices).")
	private int n_components = 3;

	// named nmf_init, not init: ImageJ's Macro.getValue would read a key "init" out of "n_init="
	@ChoicesOf(NmfInit.class)
	@Parameter(label = "NMF init", choices = { "nndsvd", "nndsvda", "nndsvdar", "random" }, description = "scikit-learn's init; the study used nndsvd.")
	private String nmf_init = "nndsvd";

	@ChoicesOf(NmfSolver.class)
	@Parameter(label = "NMF solver", choices = { "cd", "mu" }, description = "cd: coordinate descent; mu: multiplicative update.")
	private String solver = "cd";

	@Parameter(label = "NMF max iterations", min = "1", description = "max_iter (the study: 600).")
	private int max_iter = 600;

	@Parameter(label = "NMF tolerance", description = "tol: stopping tolerance with scikit-learn's rule for the solver.")
	private double tol = 1e-4;

	@Parameter(label = "alpha_W", description = "Regularization of W, scaled by the number of slices as in scikit-learn 1.2 (the study: 10).")
	private double alpha_w = 10;

	@Parameter(label = "alpha_H", description = "Regularization of H, scaled by the pixels per slice; negative = same as alpha_W.")
	private double alpha_h = -1;

	@Parameter(label = "l1_ratio", min = "0", max = "1", description = "Share of L1 in the regularization (the study: 0.8).")
	private double l1_ratio = 0.8;

	@ChoicesOf(ForegroundMethod.class)
	@Parameter(label = "Foreground", choices = { "row fill", "largest component + fill holes" },
		description = "From the premask (value > threshold): the study's row fill, or the largest 3D component with holes filled per slice.")
	private String foreground = ForegroundMethod.ROW_FILL.label();

	@Parameter(label = "Premask threshold", description = "Voxels above it form the premask; auto = Otsu's threshold.")
	private String threshold = AutoNumber.AUTO;

	@ChoicesOf(ClusterSource.class)
	@Parameter(label = "Cluster", choices = { "original image", "NMF reconstruction" }, description = "Which intensities are clustered.")
	private String source = ClusterSource.ORIGINAL.label();

	@Parameter(label = "Clusters (K)", min = "1", max = "255", description = "Number of k-means clusters of the foreground intensities.")
	private int k = 4;

	@Parameter(label = "First kept cluster", min = "1", description = "kmin: clusters are numbered 1..K by increasing intensity.")
	private int kmin = 2;

	@Parameter(label = "Last kept cluster", min = "1", description = "kmax (<= K).")
	private int kmax = 4;

	@Parameter(label = "k-means restarts", min = "1", description = "n_init: k-means++ restarts, the lowest inertia kept.")
	private int n_init = 10;

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Seed of the random draws (k-means++, NMF random inits); empty: a seed is drawn and recorded.")
	private String seed = "";

	@Parameter(label = "Inverted image", description = "Also output the clustered intensities inverted inside the kept clusters.")
	private boolean inverted = false;

	@Parameter(type = ItemIO.OUTPUT, label = "Basis images")
	private ImagePlus basis;

	@Parameter(type = ItemIO.OUTPUT, label = "Foreground mask")
	private ImagePlus mask;

	@Parameter(type = ItemIO.OUTPUT, label = "Inverted image", required = false)
	private ImagePlus inverted_image;

	@Parameter(type = ItemIO.OUTPUT, label = "NMF")
	private ResultsTable nmf;

	@Override
	protected int clusterCount() {
		return k;
	}

	@Override
	protected PlanarImg<UnsignedByteType, ByteArray> cluster(final Volume<? extends RealType<?>> in, final Subject subject, final StepRecord record) {
		final long usedSeed = record.resolveSeed(seed);
		final SegmentationParameters p = SegmentationParameters.defaults()
			.withNmf(SegmentOutputs.nmfParameters(n_components, nmf_init, solver, max_iter, tol, alpha_w, alpha_h, l1_ratio, usedSeed))
			.withForeground(ForegroundMethod.fromLabel(foreground)).withThreshold(AutoNumber.parse("threshold", threshold))
			.withKMeans(KMeansParameters.of(k).withNInit(n_init).withSeed(usedSeed), kmin, kmax)
			.withSource(ClusterSource.fromLabel(source)).withInverted(inverted);
		final SegmentationResult r = NmfKMeansSegmentation.run(in.data(), p, progress, progress.stopFlag());
		basis = ImagePlusVolumes.toImagePlus(Volume.of(r.basis(), in.geometry()), baseTitle() + "-basis", image);
		mask = LabelMaps.mark(ImagePlusVolumes.toImagePlus(in.withData(ForegroundMaskCommand.to255(r.foreground())), baseTitle() + "-foreground", image));
		inverted_image = r.inverted().isPresent() ? ImagePlusVolumes.toImagePlus(in.withData(r.inverted().get()), baseTitle() + "-inverted", image) : null;
		clusters = SegmentOutputs.clusterTable(r.clusters(), kmin, kmax);
		nmf = SegmentOutputs.nmfTable(r.nmf());
		return r.labels();
	}

	/** The input's title without extension: "knee" for knee.tif. */
	private String baseTitle() {
		final String t = outputTitle();
		return t.substring(0, t.length() - titleSuffix().length() - 1);
	}

	@Override
	protected String titleSuffix() {
		return "labels";
	}
}
