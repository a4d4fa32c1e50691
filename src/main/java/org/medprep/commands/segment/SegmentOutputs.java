package org.medprep.commands.segment;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import ij.process.LUT;

import java.awt.Color;
import java.util.function.BooleanSupplier;

import org.medprep.core.ProgressListener;
import org.medprep.core.segment.IntensityClusters;
import org.medprep.core.segment.NmfInit;
import org.medprep.core.segment.NmfParameters;
import org.medprep.core.segment.NmfResult;
import org.medprep.core.segment.NmfSolver;
import org.scijava.app.StatusService;

/** What the segmentation commands share: label colours, tables, progress and the NMF options. */
final class SegmentOutputs {

	private SegmentOutputs() {}

	/**
	 * A LUT with 0 black and every label a distinct, saturated colour (hues stepped by the golden angle,
	 * so neighbouring label numbers differ strongly).
	 */
	static LUT labelLut() {
		final byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		for (int i = 1; i < 256; i++) {
			final float hue = (float) (((i - 1) * 0.618033988749895) % 1.0);
			final float sat = i % 3 == 0 ? 0.6f : 0.9f;
			final float bri = i % 2 == 0 ? 0.85f : 1f;
			final int rgb = Color.HSBtoRGB(hue, sat, bri);
			r[i] = (byte) (rgb >> 16);
			g[i] = (byte) (rgb >> 8);
			b[i] = (byte) rgb;
		}
		return new LUT(r, g, b);
	}

	/** Shows labels 0..k with the distinct-colour LUT and a fixed display range. */
	static void asLabels(final ImagePlus imp, final int maxLabel) {
		imp.setLut(labelLut());
		imp.setDisplayRange(0, 255);
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

	/** Progress to the status bar (when there is one). */
	static ProgressListener progress(final StatusService status) {
		if (status == null) return ProgressListener.NONE;
		return (done, total, message) -> {
			status.showProgress((int) Math.min(Integer.MAX_VALUE, done), (int) Math.min(Integer.MAX_VALUE, total));
			if (done == 1 || done == total || done % 50 == 0) status.showStatus(message);
		};
	}

	/**
	 * The cancel flag core polls between iterations: the command was canceled, or the thread running it
	 * was interrupted (captured here, since core may poll from its worker threads).
	 */
	static BooleanSupplier cancelled(final org.scijava.Cancelable command) {
		final Thread runner = Thread.currentThread();
		return () -> command.isCanceled() || runner.isInterrupted();
	}

}
