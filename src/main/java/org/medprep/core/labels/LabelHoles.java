package org.medprep.core.labels;

import org.medprep.core.segment.ConnectedComponents;
import org.medprep.core.segment.Connectivity;

/**
 * Fills the holes of each label in 3D: a hole is a connected piece of
 * background (label 0) that does not reach the volume's outer faces and whose
 * neighbours all carry one label; it takes that label. Background enclosed by
 * several labels at once stays background, and no voxel of another label is
 * ever overwritten. For a single label this is {@code scipy.ndimage.binary_fill_holes}
 * (6-connected background by default).
 */
public final class LabelHoles {

	private final Connectivity background;

	/** @param background how background voxels connect (6 as scipy's default; 26 lets holes leak through corners) */
	public LabelHoles(final Connectivity background) {
		if (background == null) throw new IllegalArgumentException("connectivity must not be null");
		this.background = background;
	}

	/** A new map; the input is not modified. */
	public LabelMap apply(final LabelMap map) {
		final int[] in = map.labels();
		final int[] size = map.size();
		final int nx = size[0], ny = size[1], nz = size[2];
		final int[] isBackground = new int[in.length];
		for (int i = 0; i < in.length; i++) isBackground[i] = in[i] == 0 ? 1 : 0;
		final ConnectedComponents cc = ConnectedComponents.ofNonZero(isBackground, size, background);
		final boolean[] open = cc.touchingBorder(size, true);
		// per enclosed piece: the one label around it, 0 before any is seen, -1 once two differ
		final int[] around = new int[cc.count() + 1];
		final int[] comp = cc.labels();
		final int[][] offsets = background.offsets();
		for (int z = 0, i = 0; z < nz; z++)
			for (int y = 0; y < ny; y++)
				for (int x = 0; x < nx; x++, i++) {
					final int c = comp[i];
					if (c == 0 || open[c] || around[c] < 0) continue;
					for (final int[] o : offsets) {
						// an enclosed piece never touches the faces, so its neighbours are inside the volume
						final int l = in[i + o[0] + nx * (o[1] + ny * o[2])];
						if (l == 0) continue;
						if (around[c] == 0) around[c] = l;
						else if (around[c] != l) {
							around[c] = -1;
							break;
						}
					}
				}
		final int[] out = in.clone();
		for (int i = 0; i < out.length; i++) {
			final int c = comp[i];
			if (c != 0 && !open[c] && around[c] > 0) out[i] = around[c];
		}
		return map.withLabels(out);
	}

	@Override
	public String toString() {
		return "Fill Label Holes, " + background.label() + "-connected background";
	}
}
