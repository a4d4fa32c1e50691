package org.medprep.core.segment;

import java.util.Arrays;

/** NMF initialisations, as scikit-learn 1.2's {@code init} parameter. */
public enum NmfInit {
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

	public String label() { return label; }

	public static String[] labels() {
		return Arrays.stream(values()).map(NmfInit::label).toArray(String[]::new);
	}

	/** @throws IllegalArgumentException listing the valid labels */
	public static NmfInit fromLabel(final String label) {
		for (final NmfInit v : values())
			if (v.label.equalsIgnoreCase(label) || v.name().equalsIgnoreCase(label)) return v;
		throw new IllegalArgumentException("unknown NMF initialisation '" + label + "'; choose one of " + Arrays.toString(labels()));
	}
}
