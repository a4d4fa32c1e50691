package org.medprep.core.patch;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Patches that tile an image for inference (TorchIO's {@code GridSampler}):
 * along each axis, patches of size p start every p - o voxels (o = the
 * overlap) and the last one is moved back to end on the image's far face, so
 * every voxel is covered. With a padding mode the image is first padded by
 * o / 2 on each side, so the voxels at the faces are not at a patch's edge and
 * the crop aggregation can drop every patch's borders. Patches are numbered
 * with x fastest, then y, then z. Immutable.
 */
public final class PatchGrid {

	private final long[] patch, overlap;
	private final PaddingMode padding;

	/**
	 * @param overlap even, and smaller than the patch, along each axis
	 * @throws IllegalArgumentException naming the axis and value that do not fit
	 */
	public PatchGrid(final long[] patch, final long[] overlap, final PaddingMode padding) {
		if (patch == null || patch.length != 3 || overlap == null || overlap.length != 3) throw new IllegalArgumentException("patch size and overlap need 3 values (x, y, z)");
		if (padding == null) throw new IllegalArgumentException("padding mode must not be null");
		for (int d = 0; d < 3; d++) {
			final char a = "xyz".charAt(d);
			if (patch[d] < 1) throw new IllegalArgumentException("patch size along " + a + " must be >= 1, got " + patch[d]);
			if (overlap[d] < 0 || overlap[d] % 2 != 0) throw new IllegalArgumentException("overlap along " + a + " must be even and >= 0, got " + overlap[d]);
			if (overlap[d] >= patch[d])
				throw new IllegalArgumentException("overlap along " + a + " (" + overlap[d] + ") must be smaller than the patch (" + patch[d] + ")");
		}
		this.patch = patch.clone();
		this.overlap = overlap.clone();
		this.padding = padding;
	}

	public long[] patchSize() { return patch.clone(); }
	public long[] overlap() { return overlap.clone(); }
	public PaddingMode padding() { return padding; }

	/** Voxels added before the first voxel along axis d (o / 2 with padding, else 0). */
	public long border(final int d) {
		return padding == PaddingMode.NONE ? 0 : overlap[d] / 2;
	}

	/**
	 * The patches of an image of this size, starts in the image's own voxel indices.
	 * @throws IllegalArgumentException if the (padded) image is smaller than a patch
	 */
	public List<Patch> patches(final long[] imageSize) {
		final long[][] starts = new long[3][];
		for (int d = 0; d < 3; d++) {
			final long n = imageSize[d] + 2 * border(d);
			if (n < patch[d])
				throw new IllegalArgumentException("the image" + (border(d) > 0 ? ", padded," : "") + " is " + n + " voxels along " + "xyz".charAt(d)
					+ ", smaller than the patch (" + patch[d] + ")");
			starts[d] = starts(n, patch[d], patch[d] - overlap[d], border(d));
		}
		final List<Patch> out = new ArrayList<>();
		for (final long z : starts[2])
			for (final long y : starts[1])
				for (final long x : starts[0])
					out.add(new Patch(out.size(), new long[] { x, y, z }, patch));
		return out;
	}

	private static long[] starts(final long n, final long p, final long step, final long border) {
		final List<Long> s = new ArrayList<>();
		for (long i = 0; i + p <= n; i += step) s.add(i);
		if (s.get(s.size() - 1) + p != n) s.add(n - p);
		final long[] out = new long[s.size()];
		for (int k = 0; k < out.length; k++) out[k] = s.get(k) - border;
		return out;
	}

	@Override
	public String toString() {
		return "Grid Sampler patch " + Arrays.toString(patch) + " overlap " + Arrays.toString(overlap) + " padding " + padding.label();
	}
}
