package org.medprep.core.patch;

import org.medprep.core.Labelled;
import org.medprep.core.Planes;
import org.medprep.core.Volume;
import org.medprep.core.spatial.FloatVolumes;
import org.medprep.core.spatial.Grid;

import net.imglib2.FinalInterval;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * Puts patches (typically a network's predictions) back onto the grid they were
 * cut from (TorchIO's {@code GridAggregator}): {@link Mode#AVERAGE} averages
 * every patch covering a voxel; {@link Mode#CROP} first drops half the overlap
 * from every side of a patch that is not at the extreme of the grid and writes
 * the rest, later patches over earlier ones. Parts of patches in the padding
 * are dropped. Sums are kept in double and each voxel's patches are added in
 * patch order, so sampling with a grid and aggregating the untouched patches
 * gives back the input's values exactly, in either mode. Not thread-safe: add
 * patches from one thread.
 */
public final class PatchAggregator {

	/** How overlapping patches are combined. */
	public enum Mode implements Labelled {
		AVERAGE("average"),
		CROP("crop");

		private final String label;

		Mode(final String label) { this.label = label; }

		@Override
		public String label() { return label; }

		/** @throws IllegalArgumentException listing the valid labels */
		public static Mode fromLabel(final String label) {
			for (final Mode m : values())
				if (m.label.equalsIgnoreCase(label) || m.name().equalsIgnoreCase(label)) return m;
			throw new IllegalArgumentException("unknown aggregation mode '" + label + "'; choose average or crop");
		}
	}

	private final Grid grid;
	private final PatchGrid patches;
	private final Mode mode;
	private final int nx, ny, nz;
	private final double[] sum;
	private final int[] count;
	private final long[] firstStart = new long[3], lastEnd = new long[3];

	/**
	 * @param grid the grid the patches were cut from (the result's)
	 * @param patches how they were cut (overlap and padding)
	 */
	public PatchAggregator(final Grid grid, final PatchGrid patches, final Mode mode) {
		if (grid == null || patches == null || mode == null) throw new IllegalArgumentException("grid, patch grid and mode must not be null");
		this.grid = grid;
		this.patches = patches;
		this.mode = mode;
		final int[] n = FloatVolumes.size(new FinalInterval(grid.size()));
		this.nx = n[0];
		this.ny = n[1];
		this.nz = n[2];
		this.sum = new double[nx * ny * nz];
		this.count = new int[sum.length];
		for (int d = 0; d < 3; d++) {
			firstStart[d] = -patches.border(d);
			lastEnd[d] = grid.size(d) + patches.border(d);
		}
	}

	/**
	 * Adds a patch's values at its place.
	 * @throws IllegalArgumentException if the values are not the patch's size
	 */
	public void add(final Patch patch, final RandomAccessibleInterval<? extends RealType<?>> values) {
		for (int d = 0; d < 3; d++)
			if (values.dimension(d) != patch.size(d))
				throw new IllegalArgumentException("patch " + patch.index() + " is " + Planes.sizeString(values) + ", expected " + patch.size(0) + "x"
					+ patch.size(1) + "x" + patch.size(2));
		// the part written: the patch, cropped by half the overlap where it is not at the grid's extreme, clipped to the image
		final long[] lo = new long[3], hi = new long[3];
		for (int d = 0; d < 3; d++) {
			final long s = patch.start(d), e = s + patch.size(d);
			final long half = mode == Mode.CROP ? patches.overlap()[d] / 2 : 0;
			lo[d] = Math.max(0, s == firstStart[d] ? s : s + half);
			hi[d] = Math.min(grid.size(d), e == lastEnd[d] ? e : e - half);
		}
		final int px = (int) patch.size(0), ppy = (int) patch.size(1);
		final float[] v = FloatVolumes.read(values);
		for (long z = lo[2]; z < hi[2]; z++)
			for (long y = lo[1]; y < hi[1]; y++) {
				final int row = (int) ((z * ny + y) * nx);
				final int src = (int) (((z - patch.start(2)) * ppy + (y - patch.start(1))) * px - patch.start(0));
				for (long x = lo[0]; x < hi[0]; x++) {
					final int i = row + (int) x;
					if (mode == Mode.CROP) {
						sum[i] = v[src + (int) x];
						count[i] = 1;
					}
					else {
						sum[i] += v[src + (int) x];
						count[i]++;
					}
				}
			}
	}

	/** The aggregated image on the grid, float; voxels no patch covered are 0. */
	public Volume<FloatType> result() {
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(nx, ny, nz);
		final int plane = nx * ny;
		Parallelization.getTaskExecutor().forEach(Planes.zIndices(nz), z -> {
			final float[] p = out.getPlane(z).getCurrentStorageArray();
			for (int i = 0, j = z * plane; i < plane; i++, j++) p[i] = count[j] == 0 ? 0 : (float) (sum[j] / count[j]);
		});
		return Volume.of(out, grid.geometry());
	}

	/** Voxels no patch has covered yet. */
	public long uncovered() {
		long n = 0;
		for (final int c : count) if (c == 0) n++;
		return n;
	}
}
