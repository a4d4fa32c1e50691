package org.medprep.core.spatial;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.img.array.ArrayImg;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * An axis-aligned linear resampling (to a spacing, a resize, a shift, with or
 * without flips: x read from x alone, y from y, z from z) in passes that share
 * their work: each input row is interpolated along x once per input plane,
 * those rows are blended along y into a plane of the output's columns and rows
 * once per input plane, and each output plane is the z blend of two such
 * planes, which neighbouring output planes share.
 * <p>
 * Every voxel gets the products and sums of {@link Resampler}'s voxel-by-voxel
 * sampling, in the same order and in double, from the same values: the input
 * is read where it lies when its planes are float arrays (a reader's or an
 * intensity step's output), else converted to float once; where sampling reads
 * the neighbour beyond the last voxel (with weight 0), the voxel the boundary
 * mode puts there is read here too. So the bits are those of sampling voxel by
 * voxel, whatever the thread count. Output planes are split into runs, one task
 * each; a run keeps the last two blended planes it made.
 */
final class SeparableLinear {

	/** A run of output planes long enough to reuse its blended planes, short enough to balance the threads. */
	private static final int MIN_PLANES_PER_TASK = 8;

	/** Where one axis's output indices read: two input indices and their weights, or nothing (the constant modes fill). */
	private static final class Axis {
		final boolean[] inside;
		final int[] i0, i1;
		final double[] w0, w1;

		Axis(final int size) {
			inside = new boolean[size];
			i0 = new int[size];
			i1 = new int[size];
			w0 = new double[size];
			w1 = new double[size];
		}

		/** Output index {@code i} reads continuous input index {@code offset + scale * i} of an axis of {@code n} voxels. */
		static Axis of(final int size, final double scale, final double offset, final int n, final BoundaryMode mode) {
			final Axis a = new Axis(size);
			for (int i = 0; i < size; i++) {
				final double c = Resampler.onAxis(offset + scale * i, n, 0, mode);
				if (c != c) continue;
				final int k = (int) Math.floor(c);
				final double f = c - k;
				a.inside[i] = true;
				a.i0[i] = k;
				a.i1[i] = k + 1 < n ? k + 1 : PaddedSamples.source(n, n, mode);
				a.w0[i] = 1 - f;
				a.w1[i] = f;
			}
			return a;
		}
	}

	private final float[][] planes;
	private final int[] offsets;
	private final int rowLength;
	private final float fill;
	private final Axis x, y, z;
	/** The input rows any output row reads: {@code rowFrom} to {@code rowFrom + rows - 1}. */
	private final int rowFrom, rows;

	private SeparableLinear(final float[][] planes, final int[] offsets, final int rowLength, final float fill, final Axis x, final Axis y, final Axis z) {
		this.planes = planes;
		this.offsets = offsets;
		this.rowLength = rowLength;
		this.fill = fill;
		this.x = x;
		this.y = y;
		this.z = z;
		int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
		for (int j = 0; j < y.inside.length; j++) {
			if (!y.inside[j]) continue;
			lo = Math.min(lo, Math.min(y.i0[j], y.i1[j]));
			hi = Math.max(hi, Math.max(y.i0[j], y.i1[j]));
		}
		this.rowFrom = lo == Integer.MAX_VALUE ? 0 : lo;
		this.rows = lo == Integer.MAX_VALUE ? 0 : hi - lo + 1;
	}

	/**
	 * @param m the index map (output index to input continuous index), axis-aligned
	 * @param sampling linear on every axis
	 */
	static SeparableLinear of(final RandomAccessibleInterval<? extends RealType<?>> input, final double[][] m, final Sampling sampling,
		final int nx, final int ny, final int nz)
	{
		final int[] n = FloatVolumes.size(input);
		final float[][] planes = new float[n[2]][];
		final int[] offsets = new int[n[2]];
		read(input, n, planes, offsets);
		final BoundaryMode mode = sampling.boundary();
		return new SeparableLinear(planes, offsets, n[0], (float) sampling.fill(), Axis.of(nx, m[0][0], m[0][3], n[0], mode),
			Axis.of(ny, m[1][1], m[1][3], n[1], mode), Axis.of(nz, m[2][2], m[2][3], n[2], mode));
	}

	/** The input's planes as float arrays: a float image's own (read, never written), other images converted plane by plane. */
	private static void read(final RandomAccessibleInterval<? extends RealType<?>> input, final int[] n, final float[][] planes, final int[] offsets) {
		final int planeSize = n[0] * n[1];
		final boolean floats = Util.getTypeFromInterval(input) instanceof FloatType && Views.isZeroMin(input);
		if (floats && input instanceof PlanarImg) {
			boolean all = true;
			for (int k = 0; k < n[2] && all; k++) {
				final Object plane = ((PlanarImg<?, ?>) input).getPlane(k).getCurrentStorageArray();
				all = plane instanceof float[];
				if (all) planes[k] = (float[]) plane;
			}
			if (all) return;
		}
		if (floats && input instanceof ArrayImg && ((ArrayImg<?, ?>) input).update(null) instanceof FloatArray) {
			final float[] all = ((FloatArray) ((ArrayImg<?, ?>) input).update(null)).getCurrentStorageArray();
			for (int k = 0; k < n[2]; k++) {
				planes[k] = all;
				offsets[k] = k * planeSize;
			}
			return;
		}
		final PrimitiveBlocks<FloatType> blocks = FloatVolumes.floatBlocks(input);
		final long[] min = input.minAsLongArray();
		Parallelization.getTaskExecutor().forEach(PaddedSamples.range(n[2]), k -> {
			planes[k] = new float[planeSize];
			blocks.copy(new long[] { min[0], min[1], min[2] + k }, planes[k], new int[] { n[0], n[1], 1 });
		});
	}

	PlanarImg<FloatType, FloatArray> resample() {
		final int nz = z.inside.length;
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(x.inside.length, y.inside.length, nz);
		final int tasks = Math.max(1, Math.min(Parallelization.getTaskExecutor().suggestNumberOfTasks(), nz / MIN_PLANES_PER_TASK));
		final List<int[]> runs = new ArrayList<>();
		for (int t = 0; t < tasks; t++) runs.add(new int[] { (int) ((long) nz * t / tasks), (int) ((long) nz * (t + 1) / tasks) });
		Parallelization.getTaskExecutor().forEach(runs, run -> planes(run[0], run[1], out));
		return out;
	}

	/** Output planes {@code from} to {@code to - 1}. */
	private void planes(final int from, final int to, final PlanarImg<FloatType, FloatArray> out) {
		final int nx = x.inside.length, ny = y.inside.length;
		final double[] xRows = new double[rows * nx];
		final double[][] blended = { new double[ny * nx], new double[ny * nx] };
		final int[] blendedOf = { -1, -1 };
		for (int k = from; k < to; k++) {
			final float[] plane = out.getPlane(k).getCurrentStorageArray();
			if (!z.inside[k]) {
				Arrays.fill(plane, fill);
				continue;
			}
			final double[] lower = blended(z.i0[k], z.i1[k], xRows, blended, blendedOf);
			final double[] upper = blended(z.i1[k], z.i0[k], xRows, blended, blendedOf);
			final double a = z.w0[k], b = z.w1[k];
			for (int j = 0; j < ny; j++) {
				final int row = j * nx;
				if (!y.inside[j]) {
					Arrays.fill(plane, row, row + nx, fill);
					continue;
				}
				for (int i = 0; i < nx; i++) plane[row + i] = x.inside[i] ? (float) (a * lower[row + i] + b * upper[row + i]) : fill;
			}
		}
	}

	/**
	 * Input plane {@code k} interpolated along x and y onto the output's columns and rows:
	 * one of the two kept, or made now in place of the one that is not plane {@code keep}.
	 */
	private double[] blended(final int k, final int keep, final double[] xRows, final double[][] blended, final int[] blendedOf) {
		if (blendedOf[0] == k) return blended[0];
		if (blendedOf[1] == k) return blended[1];
		final int slot = blendedOf[0] == keep ? 1 : 0;
		final double[] b = blended[slot];
		final float[] d = planes[k];
		final int nx = x.inside.length, ny = y.inside.length;
		final int[] x0 = x.i0, x1 = x.i1;
		final double[] wx0 = x.w0, wx1 = x.w1;
		for (int r = 0; r < rows; r++) {
			final int in = offsets[k] + (rowFrom + r) * rowLength, o = r * nx;
			for (int i = 0; i < nx; i++) xRows[o + i] = wx0[i] * d[in + x0[i]] + wx1[i] * d[in + x1[i]];
		}
		for (int j = 0; j < ny; j++) {
			if (!y.inside[j]) continue;
			final int r0 = (y.i0[j] - rowFrom) * nx, r1 = (y.i1[j] - rowFrom) * nx, o = j * nx;
			final double a = y.w0[j], c = y.w1[j];
			for (int i = 0; i < nx; i++) b[o + i] = a * xRows[r0 + i] + c * xRows[r1 + i];
		}
		blendedOf[slot] = k;
		return b;
	}
}
