package org.medprep.core.segment;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/** NMF solvers for the Frobenius loss, as scikit-learn 1.2's {@code solver} parameter. */
public enum NmfSolver implements Labelled {
	/** Cyclic coordinate descent (Cichocki and Phan 2009), scikit-learn's default 'cd' with shuffle=False. */
	COORDINATE_DESCENT("cd"),
	/** Lee and Seung multiplicative update, scikit-learn's 'mu' with beta_loss='frobenius'. */
	MULTIPLICATIVE_UPDATE("mu");

	private final String label;

	NmfSolver(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(NmfSolver.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static NmfSolver fromLabel(final String label) {
		return Labels.parse(NmfSolver.class, label, "NMF solver");
	}
}
