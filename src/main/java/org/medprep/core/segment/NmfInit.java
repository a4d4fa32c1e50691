package org.medprep.core.segment;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;

/** NMF initialisations, as scikit-learn 1.2's {@code init} parameter. */
public enum NmfInit implements Labelled {
	/** Nonnegative double SVD (Boutsidis and Gallopoulos 2008); keeps zeros (sparse start). */
	NNDSVD("nndsvd"),
	/** NNDSVD with zeros filled with the mean of X (better for the 'mu' solver). */
	NNDSVDA("nndsvda"),
	/** NNDSVD with zeros filled with small seeded random values (mean of X / 100 times |N(0,1)|). */
	NNDSVDAR("nndsvdar"),
	/** sqrt(mean(X) / n_components) times |N(0,1)|, seeded (our RNG: not scikit-learn's draw). */
	RANDOM("random");

	private final String label;

	NmfInit(final String label) { this.label = label; }

	@Override
	public String label() { return label; }

	public static String[] labels() {
		return Labels.of(NmfInit.class).toArray(new String[0]);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static NmfInit fromLabel(final String label) {
		return Labels.parse(NmfInit.class, label, "NMF initialisation");
	}
}
