package org.medprep.core.segment;

/**
 * NMF settings with scikit-learn 1.2's names and meaning (immutable; use the
 * {@code with...} methods). Defaults are scikit-learn's: init nndsvda, solver
 * cd, tol 1e-4, max_iter 200, alpha_W 0, alpha_H "same", l1_ratio 0.
 * <p>
 * Regularisation is scaled as in scikit-learn 1.2: W's terms by n_features
 * (the number of columns of X) and H's by n_samples (rows), i.e.
 * l1_reg_W = n_features * alpha_W * l1_ratio, l2_reg_W = n_features * alpha_W * (1 - l1_ratio),
 * and the same for H with n_samples. The pre-1.0 {@code alpha} (with
 * regularization='both') was not scaled; to reproduce it pass
 * alpha_W = alpha / n_features and alpha_H = alpha / n_samples.
 */
public final class NmfParameters {

	private final int nComponents;
	private final NmfInit init;
	private final NmfSolver solver;
	private final double tol;
	private final int maxIter;
	private final double alphaW;
	private final double alphaH; // NaN = "same"
	private final double l1Ratio;
	private final long seed;

	private NmfParameters(final int nComponents, final NmfInit init, final NmfSolver solver, final double tol, final int maxIter,
		final double alphaW, final double alphaH, final double l1Ratio, final long seed)
	{
		if (nComponents < 1) throw new IllegalArgumentException("n_components must be at least 1, got " + nComponents);
		if (init == null || solver == null) throw new IllegalArgumentException("init and solver must not be null");
		if (!(tol >= 0)) throw new IllegalArgumentException("tol must be >= 0, got " + tol);
		if (maxIter < 1) throw new IllegalArgumentException("max_iter must be at least 1, got " + maxIter);
		if (!(alphaW >= 0)) throw new IllegalArgumentException("alpha_W must be >= 0, got " + alphaW);
		if (alphaH < 0) throw new IllegalArgumentException("alpha_H must be >= 0 (or 'same'), got " + alphaH);
		if (!(l1Ratio >= 0 && l1Ratio <= 1)) throw new IllegalArgumentException("l1_ratio must be in [0, 1], got " + l1Ratio);
		this.nComponents = nComponents;
		this.init = init;
		this.solver = solver;
		this.tol = tol;
		this.maxIter = maxIter;
		this.alphaW = alphaW;
		this.alphaH = alphaH;
		this.l1Ratio = l1Ratio;
		this.seed = seed;
	}

	/** scikit-learn's defaults with {@code nComponents} components and seed 0. */
	public static NmfParameters of(final int nComponents) {
		return new NmfParameters(nComponents, NmfInit.NNDSVDA, NmfSolver.COORDINATE_DESCENT, 1e-4, 200, 0, Double.NaN, 0, 0);
	}

	/**
	 * The knee-MRI study's settings: init nndsvd, cd solver, max_iter 600, l1_ratio 0.8 and
	 * alpha_W = alpha_H = 10 read with scikit-learn 1.2's scaling (see the class comment).
	 */
	public static NmfParameters study(final int nComponents) {
		return of(nComponents).withInit(NmfInit.NNDSVD).withMaxIter(600).withL1Ratio(0.8).withAlphaW(10).withAlphaH(Double.NaN);
	}

	public int nComponents() { return nComponents; }
	public NmfInit init() { return init; }
	public NmfSolver solver() { return solver; }
	public double tol() { return tol; }
	public int maxIter() { return maxIter; }
	public double alphaW() { return alphaW; }
	/** alpha_H, or alpha_W when set to "same" (NaN). */
	public double alphaH() { return Double.isNaN(alphaH) ? alphaW : alphaH; }
	public boolean alphaHSame() { return Double.isNaN(alphaH); }
	public double l1Ratio() { return l1Ratio; }
	/** Seed for the random parts (init random / nndsvdar). */
	public long seed() { return seed; }

	public NmfParameters withNComponents(final int v) { return new NmfParameters(v, init, solver, tol, maxIter, alphaW, alphaH, l1Ratio, seed); }
	public NmfParameters withInit(final NmfInit v) { return new NmfParameters(nComponents, v, solver, tol, maxIter, alphaW, alphaH, l1Ratio, seed); }
	public NmfParameters withSolver(final NmfSolver v) { return new NmfParameters(nComponents, init, v, tol, maxIter, alphaW, alphaH, l1Ratio, seed); }
	public NmfParameters withTol(final double v) { return new NmfParameters(nComponents, init, solver, v, maxIter, alphaW, alphaH, l1Ratio, seed); }
	public NmfParameters withMaxIter(final int v) { return new NmfParameters(nComponents, init, solver, tol, v, alphaW, alphaH, l1Ratio, seed); }
	public NmfParameters withAlphaW(final double v) { return new NmfParameters(nComponents, init, solver, tol, maxIter, v, alphaH, l1Ratio, seed); }
	/** NaN means "same" as alpha_W. */
	public NmfParameters withAlphaH(final double v) { return new NmfParameters(nComponents, init, solver, tol, maxIter, alphaW, v, l1Ratio, seed); }
	public NmfParameters withL1Ratio(final double v) { return new NmfParameters(nComponents, init, solver, tol, maxIter, alphaW, alphaH, v, seed); }
	public NmfParameters withSeed(final long v) { return new NmfParameters(nComponents, init, solver, tol, maxIter, alphaW, alphaH, l1Ratio, v); }

	@Override
	public String toString() {
		return "NMF(n_components=" + nComponents + ", init=" + init.label() + ", solver=" + solver.label() + ", tol=" + tol + ", max_iter=" + maxIter +
			", alpha_W=" + alphaW + ", alpha_H=" + (alphaHSame() ? "same" : String.valueOf(alphaH)) + ", l1_ratio=" + l1Ratio + ", seed=" + seed + ")";
	}
}
