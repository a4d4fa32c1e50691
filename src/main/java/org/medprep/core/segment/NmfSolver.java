package org.medprep.core.segment;

import java.util.Arrays;

/** NMF solvers for the Frobenius loss, as scikit-learn 1.2's {@code solver} parameter. */
public enum NmfSolver {
	/** Cyclic coordinate descent (Cichocki and Phan 2009), scikit-learn's default 'cd' with shuffle=False. */
	COORDINATE_DESCENT("cd"),
	/** Lee and Seung multiplicative update, scikit-learn's 'mu' with beta_loss='frobenius'. */
	MULTIPLICATIVE_UPDATE("mu");

	private final String label;

	NmfSolver(final String label) { this.label = label; }

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(NmfSolver::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static NmfSolver fromLabel(final String label) {
		for (final NmfSolver v : values())
			if (v.label.equalsIgnoreCase(label) || v.name().equalsIgnoreCase(label)) return v;
		throw new IllegalArgumentException("unknown NMF solver '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
