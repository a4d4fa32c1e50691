package org.medprep.core.segment;

import org.medprep.core.Labelled;
import org.medprep.core.Labels;
import java.util.ArrayList;
import java.util.List;

/**
 * Which neighbours of a voxel touch it: 6 (faces), 18 (faces and edges) or 26
 * (faces, edges and corners), scipy.ndimage's
 * {@code generate_binary_structure(3, 1 / 2 / 3)} and scikit-image's
 * {@code connectivity=1 / 2 / 3}.
 */
public enum Connectivity implements Labelled {
	SIX("6", 1),
	EIGHTEEN("18", 2),
	TWENTY_SIX("26", 3);

	private final String label;
	/** Largest number of non-zero offset coordinates of a neighbour. */
	private final int rank;

	Connectivity(final String label, final int rank) {
		this.label = label;
		this.rank = rank;
	}

	@Override
	public String label() { return label; }

	/** scipy's and scikit-image's number for it (1, 2, 3). */
	public int rank() { return rank; }

	/**
	 * The neighbour offsets {dx, dy, dz} that come before a voxel in x-fastest
	 * scan order (half of the neighbourhood), for one-pass labelling.
	 */
	int[][] previousOffsets() {
		final List<int[]> out = new ArrayList<>();
		for (int dz = -1; dz <= 1; dz++)
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					final int nonZero = (dx != 0 ? 1 : 0) + (dy != 0 ? 1 : 0) + (dz != 0 ? 1 : 0);
					final boolean before = dz < 0 || (dz == 0 && (dy < 0 || (dy == 0 && dx < 0)));
					if (nonZero >= 1 && nonZero <= rank && before) out.add(new int[] { dx, dy, dz });
				}
		return out.toArray(new int[0][]);
	}

	/** All neighbour offsets {dx, dy, dz}. */
	public int[][] offsets() {
		final List<int[]> out = new ArrayList<>();
		for (final int[] o : previousOffsets()) {
			out.add(o);
			out.add(new int[] { -o[0], -o[1], -o[2] });
		}
		return out.toArray(new int[0][]);
	}

	public static String[] labels() {
		return Labels.of(Connectivity.class).toArray(new String[0]);
	}

	/** Accepts "6", "18", "26" (or the enum name). @throws IllegalArgumentException listing the valid values */
	public static Connectivity fromLabel(final String label) {
		final String l = label == null ? "" : label.trim();
		for (final Connectivity c : values())
			if (c.label.equals(l) || c.name().equalsIgnoreCase(l) || c.label.equals(l.replace(".0", ""))) return c;
		throw new IllegalArgumentException("connectivity must be 6, 18 or 26, got '" + label + "'");
	}
}
