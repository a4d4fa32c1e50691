package org.medprep.commands.segment;

import ij.measure.ResultsTable;

import org.medprep.commands.VolumeCommand;
import org.medprep.commands.engine.ChoicesOf;
import org.medprep.commands.engine.StepRecord;
import org.medprep.core.Subject;
import org.medprep.core.Volume;
import org.medprep.core.segment.Nmf;
import org.medprep.core.segment.NmfInit;
import org.medprep.core.segment.NmfKMeansSegmentation;
import org.medprep.core.segment.NmfResult;
import org.medprep.core.segment.NmfSolver;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import net.imglib2.type.numeric.RealType;

/**
 * {@code run("NMF Basis", "n_components=3 init=nndsvd ...")}: the NMF of the slice matrix (one column per
 * slice); the result stacks the basis images (columns of W), the table holds H, the error and iterations.
 */
@Plugin(type = Command.class, headless = true, menuPath = "Plugins>MedPrep>Segment>NMF Basis",
	description = "Non-negative matrix factorization of the stack (pixels x slices), scikit-learn 1.2 semantics: basis images and loadings per slice.")
public class NmfBasisCommand extends VolumeCommand {

	@Parameter(label = "Components", min = "1", description = "n_components: basis images (at most the number of slices for nndsvd inits).")
	private int n_components = 3;

	@ChoicesOf(NmfInit.class)
	@Parameter(label = "Init", choices = { "nndsvd", "nndsvda", "nndsvdar", "random" }, description = "scikit-learn's init.")
	private String init = "nndsvda";

	@ChoicesOf(NmfSolver.class)
	@Parameter(label = "Solver", choices = { "cd", "mu" }, description = "cd: coordinate descent; mu: multiplicative update.")
	private String solver = "cd";

	@Parameter(label = "Max iterations", min = "1", description = "max_iter.")
	private int max_iter = 200;

	@Parameter(label = "Tolerance", description = "tol, with scikit-learn's stopping rule for the solver.")
	private double tol = 1e-4;

	@Parameter(label = "alpha_W", description = "Regularization of W, scaled by the number of slices as in scikit-learn 1.2.")
	private double alpha_w = 0;

	@Parameter(label = "alpha_H", description = "Regularization of H, scaled by the pixels per slice; negative = same as alpha_W.")
	private double alpha_h = -1;

	@Parameter(label = "l1_ratio", min = "0", max = "1", description = "Share of L1 in the regularization.")
	private double l1_ratio = 0;

	@Parameter(label = "Seed", required = false, persist = false,
		description = "Seed for the random inits (random, nndsvdar); empty: a seed is drawn and recorded.")
	private String seed = "";

	@Parameter(type = ItemIO.OUTPUT, label = "NMF")
	private ResultsTable nmf;

	@Override
	protected Subject process(final Subject subject, final StepRecord record) {
		final Volume<? extends RealType<?>> in = subject.main();
		final long usedSeed = record.resolveSeed(seed);
		final NmfResult r = Nmf.factorize(NmfKMeansSegmentation.sliceMatrix(in.data()),
			SegmentOutputs.nmfParameters(n_components, init, solver, max_iter, tol, alpha_w, alpha_h, l1_ratio, usedSeed),
			progress, progress.stopFlag());
		nmf = SegmentOutputs.nmfTable(r);
		return replaceMain(subject, Subject.Kind.IMAGE, Volume.of(NmfKMeansSegmentation.basisImages(r.w(), (int) in.dimension(0), (int) in.dimension(1)), in.geometry()));
	}

	@Override
	protected String titleSuffix() {
		return "basis";
	}
}
