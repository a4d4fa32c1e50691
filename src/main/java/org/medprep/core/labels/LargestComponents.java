package org.medprep.core.labels;

import org.medprep.core.Labelled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.medprep.core.segment.ConnectedComponents;
import org.medprep.core.segment.Connectivity;

/**
 * Keeps the largest connected component(s) of a label map and sets the rest
 * to background (MONAI's {@code KeepLargestConnectedComponent}, TorchIO's
 * {@code KeepLargestComponent}): either of each label on its own
 * ({@link Scope#PER_LABEL}, MONAI's {@code independent=True}) or of the
 * foreground as a whole ({@link Scope#FOREGROUND}: all non-zero labels count
 * as one object; kept voxels keep their own labels). Ties go to the component
 * whose first voxel comes first in scan order. Immutable.
 */
public final class LargestComponents {

	/** What a component is made of. */
	public enum Scope implements Labelled {
		PER_LABEL("per label"),
		FOREGROUND("foreground");

		private final String label;

		Scope(final String label) { this.label = label; }

		@Override
		public String label() { return label; }

		/** @throws IllegalArgumentException listing the valid labels */
		public static Scope fromLabel(final String label) {
			for (final Scope s : values())
				if (s.label.equalsIgnoreCase(label) || s.name().equalsIgnoreCase(label)) return s;
			throw new IllegalArgumentException("unknown scope '" + label + "'; choose 'per label' or 'foreground'");
		}
	}

	private final Scope scope;
	private final Connectivity connectivity;
	private final int keep;
	private final LabelSet only;

	/**
	 * @param keep how many of the largest components to keep (1 for the largest)
	 * @param only the labels this applies to (others are left alone); empty: all labels
	 * @throws IllegalArgumentException if keep is below 1
	 */
	public LargestComponents(final Scope scope, final Connectivity connectivity, final int keep, final LabelSet only) {
		if (scope == null || connectivity == null) throw new IllegalArgumentException("scope and connectivity must not be null");
		if (keep < 1) throw new IllegalArgumentException("number of components to keep must be at least 1, got " + keep);
		this.scope = scope;
		this.connectivity = connectivity;
		this.keep = keep;
		this.only = only == null ? LabelSet.of() : only;
	}

	public LargestComponents(final Scope scope, final Connectivity connectivity) {
		this(scope, connectivity, 1, LabelSet.of());
	}

	/** A new map; the input is not modified. */
	public LabelMap apply(final LabelMap map) {
		final int[] in = map.labels();
		final int[] considered = only.isEmpty() ? in : Arrays.stream(in).map(l -> only.contains(l) ? l : 0).toArray();
		final int[] size = map.size();
		final ConnectedComponents cc = scope == Scope.PER_LABEL ? ConnectedComponents.ofEqualValues(considered, size, connectivity)
			: ConnectedComponents.ofNonZero(considered, size, connectivity);
		final boolean[] kept = kept(cc);
		final int[] labels = cc.labels();
		final int[] out = new int[in.length];
		for (int i = 0; i < in.length; i++) {
			final int c = labels[i];
			out[i] = c == 0 ? (considered[i] == 0 ? in[i] : 0) : kept[c] ? in[i] : 0;
		}
		return map.withLabels(out);
	}

	/** Per component: among the {@code keep} largest of its group (its label, or the whole foreground). */
	private boolean[] kept(final ConnectedComponents cc) {
		final Map<Integer, List<Integer>> groups = new HashMap<>();
		for (int c = 1; c <= cc.count(); c++) groups.computeIfAbsent(scope == Scope.PER_LABEL ? cc.value(c) : 0, g -> new ArrayList<>()).add(c);
		final boolean[] kept = new boolean[cc.count() + 1];
		final Comparator<Integer> largestFirst = Comparator.comparingLong((Integer c) -> -cc.size(c)).thenComparingInt(c -> c);
		for (final List<Integer> group : groups.values()) {
			group.sort(largestFirst);
			for (int k = 0; k < Math.min(keep, group.size()); k++) kept[group.get(k)] = true;
		}
		return kept;
	}

	@Override
	public String toString() {
		return "Keep Largest Component " + scope.label() + " " + connectivity.label() + "-connected, " + keep + (only.isEmpty() ? "" : " of labels " + only);
	}
}
