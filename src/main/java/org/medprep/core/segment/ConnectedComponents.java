package org.medprep.core.segment;

import java.util.Arrays;

/**
 * Connected components of a 3D voxel array (x fastest), by one scan with
 * union-find over the neighbours already seen, then a relabelling pass.
 * Components are numbered 1..n in the order their first voxel is met in scan
 * order (x, then y, then z; numpy's C order of a (z, y, x) array), as
 * {@code scipy.ndimage.label} numbers them; 0 stays background.
 * <p>
 * Two voxels join when they are neighbours under the connectivity and both
 * non-zero ({@link #ofNonZero}), or non-zero and equal ({@link #ofEqualValues}:
 * the components of each label of a label map in one pass). Sequential and
 * deterministic.
 */
public final class ConnectedComponents {

	private final int[] labels;
	private final int count;
	private final long[] sizes;
	private final int[] values;

	private ConnectedComponents(final int[] labels, final int count, final long[] sizes, final int[] values) {
		this.labels = labels;
		this.count = count;
		this.sizes = sizes;
		this.values = values;
	}

	/** Components of the non-zero voxels, whatever their values. */
	public static ConnectedComponents ofNonZero(final int[] voxels, final int[] size, final Connectivity connectivity) {
		return label(voxels, size, connectivity, false);
	}

	/** Components of equal non-zero values: each label's pieces. */
	public static ConnectedComponents ofEqualValues(final int[] voxels, final int[] size, final Connectivity connectivity) {
		return label(voxels, size, connectivity, true);
	}

	/**
	 * 1 on the largest component of the non-zero voxels (ties: the one met first
	 * in scan order), 0 elsewhere; null if there is no non-zero voxel.
	 */
	public static int[] largest(final int[] voxels, final int[] size, final Connectivity connectivity) {
		final ConnectedComponents cc = ofNonZero(voxels, size, connectivity);
		if (cc.count() == 0) return null;
		int best = 1;
		for (int c = 2; c <= cc.count(); c++) if (cc.size(c) > cc.size(best)) best = c;
		final int[] labels = cc.labels;
		for (int i = 0; i < labels.length; i++) labels[i] = labels[i] == best ? 1 : 0;
		return labels;
	}

	/** Component number of each voxel (0 for background), x fastest. Shared, not copied: do not modify. */
	public int[] labels() { return labels; }

	/** Number of components. */
	public int count() { return count; }

	/** Voxels in component {@code c} (1..count). */
	public long size(final int c) { return sizes[c]; }

	/** The input value of component {@code c}'s voxels (its label, with {@link #ofEqualValues}; its first voxel's otherwise). */
	public int value(final int c) { return values[c]; }

	/**
	 * Per component (index 1..count), whether it has a voxel on the array's
	 * outer faces; with {@code zFaces} false only the x and y faces count (the
	 * border of each slice).
	 */
	public boolean[] touchingBorder(final int[] size, final boolean zFaces) {
		final boolean[] touch = new boolean[count + 1];
		final int nx = size[0], ny = size[1], nz = size[2];
		for (int z = 0; z < nz; z++)
			for (int y = 0; y < ny; y++) {
				final int row = (z * ny + y) * nx;
				if ((zFaces && (z == 0 || z == nz - 1)) || y == 0 || y == ny - 1) {
					for (int x = 0; x < nx; x++) touch[labels[row + x]] = true;
				}
				else {
					touch[labels[row]] = true;
					touch[labels[row + nx - 1]] = true;
				}
			}
		touch[0] = false;
		return touch;
	}

	private static ConnectedComponents label(final int[] voxels, final int[] size, final Connectivity connectivity, final boolean sameValue) {
		final int nx = size[0], ny = size[1], nz = size[2];
		if ((long) nx * ny * nz != voxels.length)
			throw new IllegalArgumentException("voxel array of " + voxels.length + " does not match the size " + nx + "x" + ny + "x" + nz);
		final int[][] prev = connectivity.previousOffsets();
		final int m = prev.length;
		final int[] dx = new int[m], dy = new int[m], dz = new int[m], step = new int[m];
		for (int k = 0; k < m; k++) {
			dx[k] = prev[k][0];
			dy[k] = prev[k][1];
			dz[k] = prev[k][2];
			step[k] = dx[k] + nx * (dy[k] + ny * dz[k]);
		}
		final int[] labels = new int[voxels.length];
		final UnionFind sets = new UnionFind();
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					final int v = voxels[i];
					if (v == 0) continue;
					int label = 0;
					for (int k = 0; k < m; k++) {
						final int xx = x + dx[k], yy = y + dy[k], zz = z + dz[k];
						if (xx < 0 || xx >= nx || yy < 0 || yy >= ny || zz < 0) continue;
						final int j = i + step[k];
						final int l = labels[j];
						if (l == 0 || (sameValue && voxels[j] != v)) continue;
						if (label == 0) label = l;
						else if (l != label) label = sets.union(label, l);
					}
					labels[i] = label == 0 ? sets.add() : label;
				}
		// final numbers in order of each component's first voxel
		final int[] finalOf = new int[sets.size() + 1];
		int count = 0;
		for (int i = 0; i < labels.length; i++) {
			final int l = labels[i];
			if (l == 0) continue;
			final int root = sets.find(l);
			if (finalOf[root] == 0) finalOf[root] = ++count;
			labels[i] = finalOf[root];
		}
		final long[] sizes = new long[count + 1];
		final int[] values = new int[count + 1];
		for (int i = 0; i < labels.length; i++) {
			final int l = labels[i];
			if (l == 0) continue;
			if (sizes[l]++ == 0) values[l] = voxels[i];
		}
		return new ConnectedComponents(labels, count, sizes, values);
	}

	/** Disjoint sets of provisional labels 1..n, roots the smallest label of their set. */
	private static final class UnionFind {
		private int[] parent = new int[1024];
		private int n;

		int add() {
			if (++n == parent.length) parent = Arrays.copyOf(parent, parent.length * 2);
			parent[n] = n;
			return n;
		}

		int size() { return n; }

		int find(int a) {
			while (parent[a] != a) {
				parent[a] = parent[parent[a]];
				a = parent[a];
			}
			return a;
		}

		int union(final int a, final int b) {
			final int ra = find(a), rb = find(b);
			if (ra == rb) return ra;
			final int root = Math.min(ra, rb);
			parent[Math.max(ra, rb)] = root;
			return root;
		}
	}
}
