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

	/** The input's z planes as float arrays (one per plane, so no single huge array), read in parallel. */
	private static float[][] planes(final RandomAccessibleInterval<? extends RealType<?>> input) {
		final int nx = (int) input.dimension(0), ny = (int) input.dimension(1), nz = (int) input.dimension(2);
		final net.imglib2.blocks.PrimitiveBlocks<FloatType> blocks = net.imglib2.blocks.PrimitiveBlocks.of(
			net.imglib2.converter.RealTypeConverters.convert(input, new FloatType()), net.imglib2.blocks.PrimitiveBlocks.OnFallback.ACCEPT).threadSafe();
		final long[] min = input.minAsLongArray();
		final float[][] planes = new float[nz][];
		Parallelization.getTaskExecutor().forEach(PaddedSamples.range(nz), z -> {
			planes[z] = new float[nx * ny];
			blocks.copy(new long[] { min[0], min[1], min[2] + z }, planes[z], new int[] { nx, ny, 1 });
		});
		return planes;
	}

	/** How each output axis walks the input: which input axis, which direction, from which index. */
	private static final class Walk {
		final int[] axis = new int[3], sign = new int[3], offset = new int[3];
	}

	/** The walk of an index map (output index to input index), or null unless it is a whole-voxel axis permutation landing inside the input. */
	private static Walk walk(final double[][] m, final long[] inSize, final Grid target) {
		final Walk w = new Walk();
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
			w.axis[d] = found;
			w.sign[d] = m[found][d] > 0 ? 1 : -1;
			final double t = m[found][3];
			if (Math.abs(t - Math.rint(t)) > SNAP) return null;
			w.offset[d] = (int) Math.rint(t);
			final long first = w.offset[d], last = w.offset[d] + (long) w.sign[d] * (target.size(d) - 1);
			if (Math.min(first, last) < 0 || Math.max(first, last) > inSize[found] - 1) return null;
		}
		return w;
	}

	/** True if the plan is copied (every target voxel is one source voxel) rather than interpolated. */
	static boolean copies(final SpatialPlan plan) {
		final double[][] m = plan.source().indexToPhysical().inverse().after(plan.pullBack()).after(plan.target().indexToPhysical()).matrix();
		final long[] size = { plan.source().size(0), plan.source().size(1), plan.source().size(2) };
		return walk(m, size, plan.target()) != null;
	}

	/** The copy, or null when the map is not a whole-voxel axis permutation landing inside the input. */
	static PlanarImg<FloatType, FloatArray> of(final RandomAccessibleInterval<? extends RealType<?>> input, final double[][] m, final Grid target) {
		final long[] inSize = input.dimensionsAsLongArray();
		final Walk w = walk(m, inSize, target);
		if (w == null) return null;
		final int[] axis = w.axis, sign = w.sign, offset = w.offset;
		final float[][] planes = planes(input);
		final int nx = (int) target.size(0), ny = (int) target.size(1), nz = (int) target.size(2);
		// output axis d moves the input by sign[d] along axis[d]: within a plane (x, y) or across planes (z)
		final long[] inPlane = { 1, inSize[0], 0 }, acrossPlanes = { 0, 0, 1 };
		final long ox = sign[0] * inPlane[axis[0]], oy = sign[1] * inPlane[axis[1]], oz = sign[2] * inPlane[axis[2]];
		final long px = sign[0] * acrossPlanes[axis[0]], py = sign[1] * acrossPlanes[axis[1]], pz = sign[2] * acrossPlanes[axis[2]];
		long offsetBase = 0, planeBase = 0;
		for (int d = 0; d < 3; d++) {
			offsetBase += offset[d] * inPlane[axis[d]];
			planeBase += offset[d] * acrossPlanes[axis[d]];
		}
		final long o0 = offsetBase, p0 = planeBase;
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(nx, ny, nz);
		Parallelization.getTaskExecutor().forEach(PaddedSamples.range(nz), z -> {
			final float[] plane = out.getPlane(z).getCurrentStorageArray();
			for (int y = 0; y < ny; y++) {
				long o = o0 + z * oz + y * oy, p = p0 + z * pz + y * py;
				final int row = y * nx;
				for (int x = 0; x < nx; x++, o += ox, p += px) plane[row + x] = planes[(int) p][(int) o];
			}
		});
		return out;
	}
}
