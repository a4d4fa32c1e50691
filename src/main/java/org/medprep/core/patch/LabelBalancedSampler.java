package org.medprep.core.patch;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.medprep.core.labels.LabelMap;
import org.medprep.core.labels.LabelSet;

/**
 * Draws training patches centred on chosen kinds of voxels of a label map:
 * <ul>
 * <li>positive/negative (MONAI's {@code RandCropByPosNegLabel}): each patch is
 * centred on a foreground voxel (label > 0) with probability pos / (pos + neg),
 * else on a background voxel; if one kind is absent, on the other;</li>
 * <li>per class (MONAI's {@code RandCropByLabelClasses}): each patch picks a
 * label with probability proportional to its ratio (labels absent from the map
 * get ratio 0) and is centred on one of its voxels.</li>
 * </ul>
 * The centre voxel is uniform among the chosen kind; the patch starts at
 * centre - size / 2, moved inside the image where it would stick out. Every
 * draw comes from the given generator, in order, so a seed gives the same
 * patches whatever the thread count. Immutable.
 */
public final class LabelBalancedSampler {

	/** One drawn patch: where it is, its centre voxel and the kind drawn (1 positive / 0 negative, or the label). */
	public static final class Draw {
		private final Patch patch;
		private final long[] center;
		private final int kind;

		Draw(final Patch patch, final long[] center, final int kind) {
			this.patch = patch;
			this.center = center;
			this.kind = kind;
		}

		public Patch patch() { return patch; }
		public long[] center() { return center.clone(); }
		public int kind() { return kind; }
	}

	private final long[] size;
	private final Map<Integer, Double> ratios;
	private final boolean posNeg;

	private LabelBalancedSampler(final long[] size, final Map<Integer, Double> ratios, final boolean posNeg) {
		if (size == null || size.length != 3) throw new IllegalArgumentException("patch size needs 3 values (x, y, z)");
		for (int d = 0; d < 3; d++)
			if (size[d] < 1) throw new IllegalArgumentException("patch size along " + "xyz".charAt(d) + " must be >= 1, got " + size[d]);
		double total = 0;
		for (final Map.Entry<Integer, Double> e : ratios.entrySet()) {
			if (!(e.getValue() >= 0) || !Double.isFinite(e.getValue()))
				throw new IllegalArgumentException("ratio of " + (posNeg ? (e.getKey() == 1 ? "pos" : "neg") : "label " + e.getKey()) + " must be >= 0, got " + e.getValue());
			total += e.getValue();
		}
		if (!(total > 0)) throw new IllegalArgumentException(posNeg ? "pos and neg must not both be 0" : "at least one class ratio must be > 0");
		this.size = size.clone();
		this.ratios = Collections.unmodifiableMap(new LinkedHashMap<>(ratios));
		this.posNeg = posNeg;
	}

	/** Positive/negative weights. @throws IllegalArgumentException if negative or both 0 */
	public static LabelBalancedSampler posNeg(final long[] size, final double pos, final double neg) {
		final Map<Integer, Double> r = new LinkedHashMap<>();
		r.put(1, pos);
		r.put(0, neg);
		return new LabelBalancedSampler(size, r, true);
	}

	/** Ratios per label value (0 is background). @throws IllegalArgumentException if a ratio is negative or all are 0 */
	public static LabelBalancedSampler classes(final long[] size, final Map<Integer, Double> ratios) {
		if (ratios == null || ratios.isEmpty()) throw new IllegalArgumentException("give a ratio per class, e.g. 0:1,1:1,2:2");
		return new LabelBalancedSampler(size, ratios, false);
	}

	/**
	 * Reads class ratios {@code "0:1,1:2,2:2"} (label:ratio pairs).
	 * @throws IllegalArgumentException naming the malformed entry
	 */
	public static Map<Integer, Double> parseRatios(final String text) {
		final Map<Integer, Double> r = new LinkedHashMap<>();
		if (text == null || text.trim().isEmpty()) throw new IllegalArgumentException("give a ratio per class, e.g. 0:1,1:1,2:2");
		for (final String raw : text.split(",")) {
			final String e = raw.trim();
			final int colon = e.indexOf(':');
			if (colon < 0) throw new IllegalArgumentException("class ratio '" + e + "' is not label:ratio (e.g. 1:2)");
			final int[] label = LabelSet.parse(e.substring(0, colon)).values();
			if (label.length != 1) throw new IllegalArgumentException("class ratio '" + e + "' does not start with one label");
			final double ratio;
			try {
				ratio = Double.parseDouble(e.substring(colon + 1).trim());
			}
			catch (final NumberFormatException x) {
				throw new IllegalArgumentException("class ratio '" + e + "' has no number after the colon");
			}
			if (r.put(label[0], ratio) != null) throw new IllegalArgumentException("label " + label[0] + " has two ratios in '" + text.trim() + "'");
		}
		return r;
	}

	/**
	 * @param count how many patches (>= 1)
	 * @throws IllegalArgumentException if the patch does not fit or no voxel of any kind with a ratio > 0 exists
	 */
	public List<Draw> draw(final LabelMap labels, final int count, final SplittableRandom random) {
		if (count < 1) throw new IllegalArgumentException("number of patches must be at least 1, got " + count);
		final int[] n = labels.size();
		for (int d = 0; d < 3; d++)
			if (size[d] > n[d])
				throw new IllegalArgumentException("patch " + size[0] + "x" + size[1] + "x" + size[2] + " is larger than the image " + n[0] + "x" + n[1] + "x" + n[2]);
		final List<Integer> kinds = new ArrayList<>(ratios.keySet());
		final int[][] voxels = voxelsOf(labels.labels(), kinds);
		final double[] weight = new double[kinds.size()];
		double total = 0;
		for (int k = 0; k < weight.length; k++) {
			weight[k] = voxels[k].length == 0 ? 0 : ratios.get(kinds.get(k));
			total += weight[k];
		}
		if (!(total > 0)) {
			// pos/neg with one kind missing falls back to the other (MONAI does the same)
			if (posNeg) for (int k = 0; k < weight.length; k++) total += weight[k] = voxels[k].length == 0 ? 0 : 1;
			if (!(total > 0)) throw new IllegalArgumentException("the label map has no voxel of the classes " + ratios.keySet() + " with a ratio above 0");
		}
		final List<Draw> out = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			double u = random.nextDouble() * total;
			int k = 0;
			while (k < weight.length - 1 && (weight[k] == 0 || u >= weight[k])) {
				u -= weight[k];
				k++;
			}
			while (weight[k] == 0) k--; // rounding at the top end
			final int[] pool = voxels[k];
			final int v = pool[random.nextInt(pool.length)];
			final long[] center = { v % n[0], (v / n[0]) % n[1], v / ((long) n[0] * n[1]) };
			final long[] start = new long[3];
			for (int d = 0; d < 3; d++) start[d] = Math.max(0, Math.min(n[d] - size[d], center[d] - size[d] / 2));
			out.add(new Draw(new Patch(i, start, size), center, kinds.get(k)));
		}
		return out;
	}

	/** Flat voxel indices of each kind, in scan order. */
	private int[][] voxelsOf(final int[] labels, final List<Integer> kinds) {
		final int[] counts = new int[kinds.size()];
		for (final int l : labels) {
			final int k = kindOf(l, kinds);
			if (k >= 0) counts[k]++;
		}
		final int[][] out = new int[kinds.size()][];
		for (int k = 0; k < out.length; k++) out[k] = new int[counts[k]];
		final int[] fill = new int[kinds.size()];
		for (int i = 0; i < labels.length; i++) {
			final int k = kindOf(labels[i], kinds);
			if (k >= 0) out[k][fill[k]++] = i;
		}
		return out;
	}

	private int kindOf(final int label, final List<Integer> kinds) {
		if (posNeg) return kinds.indexOf(label > 0 ? 1 : 0);
		return kinds.indexOf(label);
	}

	@Override
	public String toString() {
		return "Label-balanced patches " + size[0] + "x" + size[1] + "x" + size[2] + (posNeg ? " pos/neg " : " classes ") + ratios;
	}
}
