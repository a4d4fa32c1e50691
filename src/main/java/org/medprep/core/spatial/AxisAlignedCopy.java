package org.medprep.core.spatial;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The resampling of index maps that only permute, flip and shift axes by whole
 * voxels inside the input (flips, identities, crops): every output voxel is
 * one input voxel, so it is copied. Nearest, linear and label interpolation
 * give exactly the input value at a whole index (weights 1 and 0), so the copy
 * has the same bits as {@link Resampler}'s general path, without reading the
 * input into padded samples or interpolating (cubic B-splines reconstruct
 * whole indices only to rounding, so they keep the general path).
 */
final class AxisAlignedCopy {

	private static final double SNAP = 1e-9;

	private AxisAlignedCopy() {}

	/** The copy, or null when the map is not a whole-voxel axis permutation landing inside the input. */
	static PlanarImg<FloatType, FloatArray> of(final RandomAccessibleInterval<? extends RealType<?>> input, final double[][] m, final Grid target) {
		final int[] axis = new int[3], sign = new int[3], offset = new int[3];
		final long[] inSize = input.dimensionsAsLongArray();
		final boolean[] used = new boolean[3];
		for (int d = 0; d < 3; d++) {
			int found = -1;
			for (int r = 0; r < 3; r++) {
				final double v = m[r][d];
				if (Math.abs(v) < SNAP) continue;
				if (found >= 0 || Math.abs(Math.abs(v) - 1) > SNAP) return null;
				found = r;
			}
			if (found < 0 || used[found]) return null;
			used[found] = true;
			axis[d] = found;
			sign[d] = m[found][d] > 0 ? 1 : -1;
			final double t = m[found][3];
			if (Math.abs(t - Math.rint(t)) > SNAP) return null;
			offset[d] = (int) Math.rint(t);
			final long first = offset[d], last = offset[d] + (long) sign[d] * (target.size(d) - 1);
			if (Math.min(first, last) < 0 || Math.max(first, last) > inSize[found] - 1) return null;
		}
		final float[] data = FloatVolumes.read(input);
		final int nx = (int) target.size(0), ny = (int) target.size(1), nz = (int) target.size(2);
		final long[] stride = { 1, inSize[0], inSize[0] * inSize[1] };
		final long sx = sign[0] * stride[axis[0]], sy = sign[1] * stride[axis[1]], sz = sign[2] * stride[axis[2]];
		final long base = offset[0] * stride[axis[0]] + offset[1] * stride[axis[1]] + offset[2] * stride[axis[2]];
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(nx, ny, nz);
		Parallelization.getTaskExecutor().forEach(PaddedSamples.range(nz), z -> {
			final float[] plane = out.getPlane(z).getCurrentStorageArray();
			for (int y = 0; y < ny; y++) {
				long i = base + z * sz + y * sy;
				final int row = y * nx;
				for (int x = 0; x < nx; x++, i += sx) plane[row + x] = data[(int) i];
			}
		});
		return out;
	}
}
