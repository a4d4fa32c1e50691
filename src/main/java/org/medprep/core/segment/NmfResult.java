package org.medprep.core.segment;

/** The factors of X ~ W H and how the fit ended. */
public final class NmfResult {

	private final Matrix w;
	private final Matrix h;
	private final double reconstructionError;
	private final int iterations;

	NmfResult(final Matrix w, final Matrix h, final double reconstructionError, final int iterations) {
		this.w = w;
		this.h = h;
		this.reconstructionError = reconstructionError;
		this.iterations = iterations;
	}

	/** W: n_samples x n_components (scikit-learn's fit_transform output). */
	public Matrix w() { return w; }

	/** H: n_components x n_features (scikit-learn's components_). */
	public Matrix h() { return h; }

	/** ||X - W H||_F, as scikit-learn's reconstruction_err_ for the Frobenius loss. */
	public double reconstructionError() { return reconstructionError; }

	/** Iterations run, as scikit-learn's n_iter_. */
	public int iterations() { return iterations; }
}
