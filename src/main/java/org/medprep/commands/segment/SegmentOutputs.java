package org.medprep.commands.segment;

import ij.ImagePlus;
import ij.measure.ResultsTable;

import org.medprep.commands.imagej.LabelMaps;
import org.medprep.core.segment.IntensityClusters;
import org.medprep.core.segment.NmfInit;
import org.medprep.core.segment.NmfParameters;
import org.medprep.core.segment.NmfResult;
import org.medprep.core.segment.NmfSolver;

/** What the segmentation commands share: label display, tables and the NMF options. */
final class SegmentOutputs {

	private SegmentOutputs() {}

	/** Shows labels 0..k as a label map (LabelMaps), noting the largest label. */
	static void asLabels(final ImagePlus imp, final int maxLabel) {
		LabelMaps.mark(imp);
		imp.setProp("MedPrep.MaxLabel", String.valueOf(maxLabel));
	}

	/** One row per cluster: label, centre (mean intensity), voxels, share of the clustered voxels, kept or not, and the clustering's inertia. */
	static ResultsTable clusterTable(final IntensityClusters c, final int kmin, final int kmax) {
		final ResultsTable t = new ResultsTable();
		long total = 0;
		for (final long s : c.sizes()) total += s;
		final double[] centers = c.centers(), thresholds = c.thresholds();
		for (int i = 0; i < c.k(); i++) {
			t.incrementCounter();
			t.addValue("label", i + 1);
			t.addValue("mean", centers[i]);
			t.addValue("voxels", c.sizes()[i]);
			t.addValue("percent", 100.0 * c.sizes()[i] / total);
			t.addValue("upper_bound", i < thresholds.length ? thresholds[i] : Double.NaN);
			t.addValue("kept", i + 1 >= kmin && i + 1 <= kmax ? 1 : 0);
			t.addValue("inertia", c.inertia()); // of the whole clustering, on every row (a column added after the loop fills the others with 0)
		}
		return t;
	}

	/** NMF summary rows: per component, its loading per slice (H) and the fit's error and iterations. */
	static ResultsTable nmfTable(final NmfResult nmf) {
		final ResultsTable t = new ResultsTable();
		for (int c = 0; c < nmf.h().rows(); c++) {
			t.incrementCounter();
			t.addValue("component", c + 1);
			t.addValue("reconstruction_error", nmf.reconstructionError());
			t.addValue("iterations", nmf.iterations());
			for (int z = 0; z < nmf.h().cols(); z++) t.addValue("H_slice" + (z + 1), nmf.h().get(c, z));
		}
		return t;
	}

	static NmfParameters nmfParameters(final int nComponents, final String init, final String solver, final int maxIter, final double tol,
		final double alphaW, final double alphaH, final double l1Ratio, final long seed)
	{
		return NmfParameters.of(nComponents).withInit(NmfInit.fromLabel(init)).withSolver(NmfSolver.fromLabel(solver)).withMaxIter(maxIter)
			.withTol(tol).withAlphaW(alphaW).withAlphaH(alphaH < 0 ? Double.NaN : alphaH).withL1Ratio(l1Ratio).withSeed(seed);
	}
}
