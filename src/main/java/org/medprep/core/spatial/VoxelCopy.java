package org.medprep.core.spatial;

import org.medprep.core.Volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccess;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * A resampling whose every output voxel centre is an input voxel centre (a
 * reorientation, a flip, a crop inside the image: the index map is a signed
 * permutation plus whole shifts) done as a copy of voxels in the input's type.
 * It gives what nearest or label interpolation gives, but without passing
 * through float, so values a float cannot hold (32-bit integers, doubles)
 * come through exactly.
 */
final class VoxelCopy {

	private static final double EPS = 1e-9;

	private VoxelCopy() {}

	/**
	 * The copy, or null if some output voxel does not read exactly one input
	 * voxel inside the input (then the resampler interpolates), or the input's
	 * type cannot be allocated.
	 */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Volume<? extends RealType<?>> of(final Volume<? extends RealType<?>> input, final Grid target, final PhysicalAffine pullBack) {
		final Grid source = Grid.of(input);
		final double[][] m = source.indexToPhysical().inverse().after(pullBack).after(target.indexToPhysical()).matrix();
		final int[] axis = new int[3], step = new int[3];
		final long[] shift = new long[3];
		if (!signedPermutation(m, axis, step, shift)) return null;
		if (!inside(axis, step, shift, source, target)) return null;
		final Object type = Util.getTypeFromInterval((RandomAccessibleInterval) input.data());
		if (!(type instanceof NativeType)) return null;
		final Img out = copy((RandomAccessibleInterval) Views.zeroMin((RandomAccessibleInterval) input.data()), (NativeType) type, target, axis, step, shift);
		return Resampler.volumeOf(out, target.geometry(), input.metadata());
	}

	/**
	 * Reads the index map as: output axis {@code c} runs along input axis
	 * {@code axis[c]} in direction {@code step[c]} (+1 or -1); output voxel 0
	 * reads input voxel {@code shift}. False unless every entry is whole within
	 * {@value #EPS} and the linear part is a signed permutation.
	 */
	static boolean signedPermutation(final double[][] m, final int[] axis, final int[] step, final long[] shift) {
		final boolean[] used = new boolean[3];
		for (int c = 0; c < 3; c++) {
			axis[c] = -1;
			for (int r = 0; r < 3; r++) {
				final double v = m[r][c], w = Math.rint(v);
				if (Math.abs(v - w) > EPS || Math.abs(w) > 1) return false;
				if (w == 0) continue;
				if (axis[c] >= 0 || used[r]) return false;
				axis[c] = r;
				step[c] = (int) w;
				used[r] = true;
			}
			if (axis[c] < 0) return false;
		}
		for (int r = 0; r < 3; r++) {
			final double t = m[r][3], w = Math.rint(t);
			if (Math.abs(t - w) > EPS) return false;
			shift[r] = (long) w;
		}
		return true;
	}

	/** True if the first and the last output voxel along every axis read inside the input (the map is affine). */
	private static boolean inside(final int[] axis, final int[] step, final long[] shift, final Grid source, final Grid target) {
		for (int c = 0; c < 3; c++) {
			final int r = axis[c];
			final long first = shift[r], last = shift[r] + step[c] * (target.size(c) - 1);
			if (Math.min(first, last) < 0 || Math.max(first, last) > source.size(r) - 1) return false;
		}
		return true;
	}

	private static <T extends NativeType<T>> Img<T> copy(final RandomAccessibleInterval<T> in, final T type, final Grid target, final int[] axis,
		final int[] step, final long[] shift)
	{
		final Img<T> out = new PlanarImgFactory<>(type).create(target.size());
		final int nx = (int) target.size(0), ny = (int) target.size(1), nz = (int) target.size(2);
		Parallelization.getTaskExecutor().forEach(PaddedSamples.range(nz), z -> {
			final RandomAccess<T> ra = in.randomAccess();
			final Cursor<T> c = Views.flatIterable(Views.hyperSlice(out, 2, z)).cursor();
			final long[] p = new long[3];
			for (int y = 0; y < ny; y++) {
				p[axis[0]] = shift[axis[0]];
				p[axis[1]] = shift[axis[1]] + (long) step[1] * y;
				p[axis[2]] = shift[axis[2]] + (long) step[2] * z;
				ra.setPosition(p);
				for (int x = 0; x < nx; x++) {
					c.next().set(ra.get());
					// never step beyond the input (a planar image's access would look for a plane that is not there)
					if (x + 1 < nx) ra.move(step[0], axis[0]);
				}
			}
		});
		return out;
	}
}
