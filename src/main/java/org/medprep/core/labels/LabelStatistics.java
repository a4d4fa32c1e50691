package org.medprep.core.labels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.medprep.core.Geometry;

/**
 * Per label of a label map: voxel count, volume (mm3), centroid (mm, in the
 * patient's LPS coordinates, the physical point of the mean voxel index) and
 * bounding box (voxel indices, inclusive). Sums are exact integers, so the
 * result does not depend on the thread count or the voxel order.
 */
public final class LabelStatistics {

	/** One label's figures. Immutable. */
	public static final class Row {
		private final int label;
		private final long voxels;
		private final double volumeMm3;
		private final double[] centroidMm;
		private final double[] centroidIndex;
		private final int[] min, max;

		Row(final int label, final long voxels, final double volumeMm3, final double[] centroidIndex, final double[] centroidMm, final int[] min,
			final int[] max)
		{
			this.label = label;
			this.voxels = voxels;
			this.volumeMm3 = volumeMm3;
			this.centroidIndex = centroidIndex;
			this.centroidMm = centroidMm;
			this.min = min;
			this.max = max;
		}

		public int label() { return label; }
		public long voxels() { return voxels; }
		public double volumeMm3() { return volumeMm3; }
		/** Mean voxel index (x, y, z). */
		public double[] centroidIndex() { return centroidIndex.clone(); }
		/** Physical centroid (LPS, mm). */
		public double[] centroidMm() { return centroidMm.clone(); }
		/** Smallest voxel index per axis. */
		public int[] min() { return min.clone(); }
		/** Largest voxel index per axis (inclusive). */
		public int[] max() { return max.clone(); }
	}

	private LabelStatistics() {}

	/** One row per non-zero label present, ascending. */
	public static List<Row> of(final LabelMap map) {
		final int[] size = map.size();
		final int[] present = map.presentLabels();
		if (present.length == 0) return Collections.emptyList();
		final int max = present[present.length - 1];
		// dense index of each label value
		final int[] slot = new int[max + 1];
		java.util.Arrays.fill(slot, -1);
		for (int k = 0; k < present.length; k++) slot[present[k]] = k;
		final int n = present.length;
		final long[] count = new long[n], sx = new long[n], sy = new long[n], sz = new long[n];
		final int[][] lo = new int[n][], hi = new int[n][];
		for (int k = 0; k < n; k++) {
			lo[k] = new int[] { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE };
			hi[k] = new int[] { -1, -1, -1 };
		}
		final int[] labels = map.labels();
		for (int z = 0, i = 0; z < size[2]; z++)
			for (int y = 0; y < size[1]; y++)
				for (int x = 0; x < size[0]; x++, i++) {
					final int l = labels[i];
					if (l == 0) continue;
					final int k = slot[l];
					count[k]++;
					sx[k] += x;
					sy[k] += y;
					sz[k] += z;
					final int[] a = lo[k], b = hi[k];
					if (x < a[0]) a[0] = x;
					if (x > b[0]) b[0] = x;
					if (y < a[1]) a[1] = y;
					if (y > b[1]) b[1] = y;
					if (z < a[2]) a[2] = z;
					if (z > b[2]) b[2] = z;
				}
		final Geometry g = map.geometry();
		final double voxelMm3 = g.spacing(0) * g.spacing(1) * g.spacing(2);
		final List<Row> rows = new ArrayList<>(n);
		for (int k = 0; k < n; k++) {
			final double[] c = { (double) sx[k] / count[k], (double) sy[k] / count[k], (double) sz[k] / count[k] };
			rows.add(new Row(present[k], count[k], count[k] * voxelMm3, c, g.indexToPhysical(c), lo[k], hi[k]));
		}
		return Collections.unmodifiableList(rows);
	}
}
