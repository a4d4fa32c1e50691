package org.medprep.core.spatial;

import java.util.Collections;
import java.util.List;

import org.medprep.core.Volume;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.Img;
import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgFactory;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.NativeType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;
import net.imglib2.util.Util;
import net.imglib2.view.Views;

/**
 * The one resampling kernel behind every spatial operation.
 * <p>
 * For each voxel {@code i} of the output grid: its physical point
 * {@code p = G_out(i)}, moved by an optional displacement field {@code d(p)}
 * (mm, defined on the output grid), pulled back through the affine {@code T}
 * (output mm to input mm), then taken to a continuous input index
 * {@code c = G_in^-1(T(p + d(p)))} and interpolated there (see
 * {@link Sampling}). Several transforms composed into one {@code T} (and one
 * field last) are resampled once, with no blur from repeated interpolation;
 * see {@link FusedResampling}.
 * <p>
 * The input is read once into a float array (with a border filled by the
 * boundary mode, and B-spline coefficients for cubic interpolation); the
 * output is a float {@link PlanarImg} written plane by plane on the current
 * ImgLib2 {@link Parallelization} executor. Every output voxel is computed by
 * the same arithmetic in the same order whatever the thread count, so results
 * are bit-identical with 1 or many threads. Continuous indices within 1e-9 of
 * an integer are snapped to it, so crops, pads and identities copy exactly;
 * a move onto whole voxels inside the input read with nearest or label
 * interpolation (a reorientation, a flip, a crop) copies the voxels in the
 * input's type ({@link VoxelCopy}), exact even where a float is not.
 */
public final class Resampler {

	private static final double SNAP = 1e-9;
	private static final double TIE = 1e-9;

	private Resampler() {}

	/** Resamples a volume onto {@code target}; output float, or the input's type for label-preserving interpolation. */
	public static Volume<? extends RealType<?>> resample(final Volume<? extends RealType<?>> input, final Grid target,
		final PhysicalAffine pullBack, final DisplacementField field, final Sampling sampling)
	{
		return resample(input, target, pullBack, field, sampling, Collections.emptyList());
	}

	/** With the bounds of fused later steps: where one of them reads outside its grid, the output is its fill. */
	static Volume<? extends RealType<?>> resample(final Volume<? extends RealType<?>> input, final Grid target, final PhysicalAffine pullBack,
		final DisplacementField field, final Sampling sampling, final List<FusedResampling.Bound> bounds)
	{
		// whole-voxel moves read with nearest or label interpolation are copies, exact in any type
		if (field == null && bounds.isEmpty() && sampling.interpolation().preservesLabels() && sampling.coarseAxis() < 0) {
			final Volume<? extends RealType<?>> copy = VoxelCopy.of(input, target, pullBack);
			if (copy != null) return copy;
		}
		final PlanarImg<FloatType, FloatArray> out = resample(input.data(), Grid.of(input), target, pullBack, field, sampling, bounds);
		final RandomAccessibleInterval<? extends RealType<?>> data = sampling.interpolation().preservesLabels() ? toTypeOf(out, input.data()) : out;
		return volumeOf(data, target.geometry(), input.metadata());
	}

	/** A volume of whatever real type the data has. */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static Volume<? extends RealType<?>> volumeOf(final RandomAccessibleInterval<? extends RealType<?>> data, final org.medprep.core.Geometry geometry,
		final java.util.Map<String, String> metadata)
	{
		return Volume.of((RandomAccessibleInterval) data, geometry, metadata);
	}

	public static Volume<? extends RealType<?>> resample(final Volume<? extends RealType<?>> input, final Grid target,
		final PhysicalAffine pullBack, final Sampling sampling)
	{
		return resample(input, target, pullBack, null, sampling);
	}

	/**
	 * @param source the grid of {@code input} (size must match)
	 * @param field displacement (mm) added to the output points before the pull-back, defined on {@code target}; may be null for none
	 * @throws IllegalArgumentException if sizes do not match
	 */
	public static PlanarImg<FloatType, FloatArray> resample(final RandomAccessibleInterval<? extends RealType<?>> input, final Grid source,
		final Grid target, final PhysicalAffine pullBack, final DisplacementField field, final Sampling sampling)
	{
		return resample(input, source, target, pullBack, field, sampling, Collections.emptyList());
	}

	private static PlanarImg<FloatType, FloatArray> resample(final RandomAccessibleInterval<? extends RealType<?>> input, final Grid source,
		final Grid target, final PhysicalAffine pullBack, final DisplacementField field, final Sampling sampling, final List<FusedResampling.Bound> boundList)
	{
		for (int d = 0; d < 3; d++)
			if (input.numDimensions() != 3 || input.dimension(d) != source.size(d))
				throw new IllegalArgumentException("input size does not match its grid " + source);
		if (field != null && !field.grid().sameSpace(target))
			throw new IllegalArgumentException("the displacement field is defined on " + field.grid() + ", not on the output grid " + target);
		for (int d = 0; d < 3; d++)
			if (target.size(d) > Integer.MAX_VALUE) throw new IllegalArgumentException("output grid too large: " + target);
		final int[] orders = sampling.orders();
		// index map: output index -> input continuous index
		final double[][] m = source.indexToPhysical().inverse().after(pullBack).after(target.indexToPhysical()).matrix();
		// whole-voxel axis maps (flips, identities, crops) with nothing to fill are copied: the same bits as interpolating them
		if (field == null && boundList.isEmpty() && sampling.interpolation() != Interpolation.CUBIC) {
			final PlanarImg<FloatType, FloatArray> copy = AxisAlignedCopy.of(input, m, target);
			if (copy != null) return copy;
		}
		final PaddedSamples samples = PaddedSamples.of(input, orders, sampling.boundary());
		// a displacement of the output point moves the input point by the pull-back's linear part
		final double[][] fieldToIndex = source.indexToPhysical().inverse().after(pullBack).matrix();
		final FusedResampling.Bound[] bounds = boundList.toArray(new FusedResampling.Bound[0]);
		final int nx = (int) target.size(0), ny = (int) target.size(1), nz = (int) target.size(2);
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(nx, ny, nz);
		final boolean label = sampling.interpolation() == Interpolation.LABEL;
		// an axis-aligned map (resampling to a spacing, resizing, flips, shifts) reads x from x alone, y
		// from y, z from z: the linear weights of each axis are computed once per column, row and plane
		final boolean separable = field == null && bounds.length == 0 && !label && orders[0] == 1 && orders[1] == 1 && orders[2] == 1
			&& m[0][1] == 0 && m[0][2] == 0 && m[1][0] == 0 && m[1][2] == 0 && m[2][0] == 0 && m[2][1] == 0;
		if (separable) {
			new SeparableLinear(new PlaneWorker(samples, orders, sampling.boundary(), (float) sampling.fill(), label, nx), m, nx, ny, nz).into(out);
			return out;
		}
		Parallelization.getTaskExecutor().forEach(PaddedSamples.range(nz), z -> {
			final PlaneWorker w = new PlaneWorker(samples, orders, sampling.boundary(), (float) sampling.fill(), label, nx);
			final float[] plane = out.getPlane(z).getCurrentStorageArray();
			for (int y = 0; y < ny; y++) {
				final double bx = m[0][1] * y + m[0][2] * z + m[0][3];
				final double by = m[1][1] * y + m[1][2] * z + m[1][3];
				final double bz = m[2][1] * y + m[2][2] * z + m[2][3];
				if (field != null) field.row(y, z, w.dx, w.dy, w.dz);
				// the fused later steps' bounds are tested on the displacement in mm, before it becomes an index offset
				if (bounds.length > 0) w.markOutside(bounds, y, z, field != null);
				if (field != null) {
					for (int x = 0; x < nx; x++) {
						final double ddx = w.dx[x], ddy = w.dy[x], ddz = w.dz[x];
						w.dx[x] = fieldToIndex[0][0] * ddx + fieldToIndex[0][1] * ddy + fieldToIndex[0][2] * ddz;
						w.dy[x] = fieldToIndex[1][0] * ddx + fieldToIndex[1][1] * ddy + fieldToIndex[1][2] * ddz;
						w.dz[x] = fieldToIndex[2][0] * ddx + fieldToIndex[2][1] * ddy + fieldToIndex[2][2] * ddz;
					}
				}
				final int row = y * nx;
				for (int x = 0; x < nx; x++) {
					double cx = bx + m[0][0] * x, cy = by + m[1][0] * x, cz = bz + m[2][0] * x;
					if (field != null) {
						cx += w.dx[x];
						cy += w.dy[x];
						cz += w.dz[x];
					}
					if (bounds.length > 0 && w.outside[x] >= 0) {
						plane[row + x] = bounds[w.outside[x]].fill;
						continue;
					}
					plane[row + x] = w.fastLinear ? w.linear(cx, cy, cz) : w.sample(cx, cy, cz);
				}
			}
		});
		return out;
	}

	/**
	 * An axis-aligned linear resampling (to a spacing, a resize, a shift) in passes
	 * that share their work: each input row is interpolated along x once per input
	 * plane, those rows are combined along y into a plane of the output's x and y
	 * once per input plane, and each output plane is the z blend of two such planes,
	 * which neighbouring output planes share. Every voxel gets the same products
	 * and sums, in the same order and in double, as {@link PlaneWorker#sample}
	 * would give it, so the bits are those of sampling voxel by voxel, whatever the
	 * thread count. Output planes are split into runs, one task each, and a run
	 * keeps the last two blended planes it made.
	 */
	private static final class SeparableLinear {
		/** A run of output planes is long enough to reuse its blended planes, short enough to balance the threads. */
		private static final int MIN_PLANES_PER_TASK = 8;

		final PaddedSamples s;
		final float[] d;
		final float fill;
		final int nx, ny, nz;
		final boolean[] inX, inY, inZ;
		final int[] ix, iy, iz;
		final double[] wx0, wx1, wy0, wy1, wz0, wz1;
		/** The padded rows any output row reads: {@code rowFrom} to {@code rowFrom + rows - 1}. */
		final int rowFrom, rows;

		SeparableLinear(final PlaneWorker w, final double[][] m, final int nx, final int ny, final int nz) {
			this.s = w.s;
			this.d = w.data;
			this.fill = w.fill;
			this.nx = nx;
			this.ny = ny;
			this.nz = nz;
			inX = new boolean[nx];
			inY = new boolean[ny];
			inZ = new boolean[nz];
			ix = new int[nx];
			iy = new int[ny];
			iz = new int[nz];
			wx0 = new double[nx];
			wx1 = new double[nx];
			wy0 = new double[ny];
			wy1 = new double[ny];
			wz0 = new double[nz];
			wz1 = new double[nz];
			w.axisTable(0, m[0][0], m[0][3], nx, inX, ix, wx0, wx1);
			w.axisTable(1, m[1][1], m[1][3], ny, inY, iy, wy0, wy1);
			w.axisTable(2, m[2][2], m[2][3], nz, inZ, iz, wz0, wz1);
			int lo = Integer.MAX_VALUE, hi = Integer.MIN_VALUE;
			for (int y = 0; y < ny; y++) {
				if (!inY[y]) continue;
				lo = Math.min(lo, iy[y]);
				hi = Math.max(hi, iy[y] + 1);
			}
			rowFrom = lo == Integer.MAX_VALUE ? 0 : lo;
			rows = lo == Integer.MAX_VALUE ? 0 : hi - lo + 1;
		}

		void into(final PlanarImg<FloatType, FloatArray> out) {
			final int tasks = Math.max(1, Math.min(Parallelization.getTaskExecutor().suggestNumberOfTasks(), nz / MIN_PLANES_PER_TASK));
			final List<int[]> runs = new java.util.ArrayList<>();
			for (int t = 0; t < tasks; t++) runs.add(new int[] { (int) ((long) nz * t / tasks), (int) ((long) nz * (t + 1) / tasks) });
			Parallelization.getTaskExecutor().forEach(runs, run -> planes(run[0], run[1], out));
		}

		/** Output planes {@code from} to {@code to - 1}. */
		private void planes(final int from, final int to, final PlanarImg<FloatType, FloatArray> out) {
			final double[] xRows = new double[rows * nx];
			final double[][] blended = { new double[ny * nx], new double[ny * nx] };
			final int[] blendedOf = { Integer.MIN_VALUE, Integer.MIN_VALUE };
			for (int z = from; z < to; z++) {
				final float[] plane = out.getPlane(z).getCurrentStorageArray();
				if (!inZ[z]) {
					java.util.Arrays.fill(plane, fill);
					continue;
				}
				final double[] lower = blended(iz[z], iz[z] + 1, xRows, blended, blendedOf);
				final double[] upper = blended(iz[z] + 1, iz[z], xRows, blended, blendedOf);
				final double a = wz0[z], b = wz1[z];
				for (int y = 0; y < ny; y++) {
					final int row = y * nx;
					if (!inY[y]) {
						java.util.Arrays.fill(plane, row, row + nx, fill);
						continue;
					}
					for (int x = 0; x < nx; x++) plane[row + x] = inX[x] ? (float) (a * lower[row + x] + b * upper[row + x]) : fill;
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
			for (int r = 0; r < rows; r++) {
				final int in = s.index(0, rowFrom + r, k), o = r * nx;
				for (int x = 0; x < nx; x++) {
					final int p = in + ix[x];
					xRows[o + x] = wx0[x] * d[p] + wx1[x] * d[p + 1];
				}
			}
			for (int y = 0; y < ny; y++) {
				if (!inY[y]) continue;
				final int r0 = (iy[y] - rowFrom) * nx, r1 = r0 + nx, o = y * nx;
				final double a = wy0[y], c = wy1[y];
				for (int x = 0; x < nx; x++) b[o + x] = a * xRows[r0 + x] + c * xRows[r1 + x];
			}
			blendedOf[slot] = k;
			return b;
		}
	}

	/** Per-task scratch state; the arithmetic is the same for every voxel whatever the task. */
	private static final class PlaneWorker {
		final PaddedSamples s;
		final float[] data;
		final int[] orders;
		final BoundaryMode mode;
		final float fill;
		final boolean label;
		final boolean allLinear, allCubic, fastLinear;
		final double lo, hiX, hiY, hiZ;
		final int maxX, maxY, maxZ, sy, sz, origin;
		final double[] dx, dy, dz;
		/** Per voxel of the current row: the first bound it lies outside of, or -1. */
		final int[] outside;
		final double[][] w = new double[3][4];
		final int[] start = new int[3];
		final float[] labels = new float[8];
		final double[] weights = new double[8];

		PlaneWorker(final PaddedSamples s, final int[] orders, final BoundaryMode mode, final float fill, final boolean label, final int nx) {
			this.s = s;
			this.data = s.data;
			this.orders = orders;
			this.mode = mode;
			this.fill = fill;
			this.label = label;
			this.allLinear = !label && orders[0] == 1 && orders[1] == 1 && orders[2] == 1;
			this.allCubic = orders[0] == 3 && orders[1] == 3 && orders[2] == 3;
			this.fastLinear = allLinear && (mode == BoundaryMode.CONSTANT || mode == BoundaryMode.BOX);
			this.lo = mode == BoundaryMode.BOX ? -0.5 : 0;
			final double extra = mode == BoundaryMode.BOX ? 0.5 : 0;
			this.maxX = s.n[0] - 1;
			this.maxY = s.n[1] - 1;
			this.maxZ = s.n[2] - 1;
			this.hiX = maxX + extra;
			this.hiY = maxY + extra;
			this.hiZ = maxZ + extra;
			this.sy = s.px;
			this.sz = s.px * s.py;
			this.origin = s.index(0, 0, 0);
			this.dx = new double[nx];
			this.dy = new double[nx];
			this.dz = new double[nx];
			this.outside = new int[nx];
		}

		/** Marks the voxels of row (y, z) that a fused later step would have filled; {@code dx..dz} hold the row's displacement in mm if {@code field}. */
		void markOutside(final FusedResampling.Bound[] bounds, final int y, final int z, final boolean field) {
			final int nx = outside.length;
			java.util.Arrays.fill(outside, -1);
			for (int b = bounds.length - 1; b >= 0; b--) {
				// later bounds first in the array; walking backwards lets the earliest in the array (the latest step) win
				final double[][] m = bounds[b].indexMap, f = bounds[b].fieldToIndex;
				final double[] lo = bounds[b].lo, hi = bounds[b].hi;
				final double bx = m[0][1] * y + m[0][2] * z + m[0][3];
				final double by = m[1][1] * y + m[1][2] * z + m[1][3];
				final double bz = m[2][1] * y + m[2][2] * z + m[2][3];
				for (int x = 0; x < nx; x++) {
					double cx = bx + m[0][0] * x, cy = by + m[1][0] * x, cz = bz + m[2][0] * x;
					if (field) {
						final double ddx = dx[x], ddy = dy[x], ddz = dz[x];
						cx += f[0][0] * ddx + f[0][1] * ddy + f[0][2] * ddz;
						cy += f[1][0] * ddx + f[1][1] * ddy + f[1][2] * ddz;
						cz += f[2][0] * ddx + f[2][1] * ddy + f[2][2] * ddz;
					}
					if (!(cx >= lo[0] && cx <= hi[0] && cy >= lo[1] && cy <= hi[1] && cz >= lo[2] && cz <= hi[2])) outside[x] = b;
				}
			}
		}

		/**
		 * Trilinear interpolation with constant or box boundaries, in one small
		 * method the JIT inlines (the common case of augmentation and resampling).
		 * Same arithmetic as {@link #sample} (snap, bounds, clamp, weights, sum order).
		 */
		float linear(double cx, double cy, double cz) {
			double r = Math.rint(cx);
			if (Math.abs(cx - r) < SNAP) cx = r;
			r = Math.rint(cy);
			if (Math.abs(cy - r) < SNAP) cy = r;
			r = Math.rint(cz);
			if (Math.abs(cz - r) < SNAP) cz = r;
			if (!(cx >= lo && cx <= hiX && cy >= lo && cy <= hiY && cz >= lo && cz <= hiZ)) return fill;
			cx = cx < 0 ? 0 : cx > maxX ? maxX : cx;
			cy = cy < 0 ? 0 : cy > maxY ? maxY : cy;
			cz = cz < 0 ? 0 : cz > maxZ ? maxZ : cz;
			final int ix = (int) cx, iy = (int) cy, iz = (int) cz;
			final double fx = cx - ix, fy = cy - iy, fz = cz - iz;
			final double gx = 1 - fx, gy = 1 - fy, gz = 1 - fz;
			final int p0 = origin + ix + iy * sy + iz * sz, p1 = p0 + sy, p2 = p0 + sz, p3 = p2 + sy;
			final float[] d = data;
			final double l00 = gx * d[p0] + fx * d[p0 + 1];
			final double l01 = gx * d[p1] + fx * d[p1 + 1];
			final double l10 = gx * d[p2] + fx * d[p2 + 1];
			final double l11 = gx * d[p3] + fx * d[p3 + 1];
			return (float) (gz * (gy * l00 + fy * l01) + fz * (gy * l10 + fy * l11));
		}

		/**
		 * Where output index {@code i} of axis {@code d} reads, for {@code i < n}: start into
		 * {@code start}, the two linear weights into {@code w0, w1}; false in {@code inside} where
		 * the constant boundary fills (start 0 and weights 0 there, so every index stays in the array).
		 */
		void axisTable(final int d, final double scale, final double offset, final int n, final boolean[] inside, final int[] start,
			final double[] w0, final double[] w1)
		{
			for (int i = 0; i < n; i++) {
				inside[i] = weights(d, offset + scale * i);
				start[i] = inside[i] ? this.start[d] : 0;
				w0[i] = inside[i] ? w[d][0] : 0;
				w1[i] = inside[i] ? w[d][1] : 0;
			}
		}
		float sample(final double cx, final double cy, final double cz) {
			if (!weights(0, cx) || !weights(1, cy) || !weights(2, cz)) return fill;
			final int base = s.index(start[0], start[1], start[2]);
			if (label) return labelVote(base, sy, sz);
			if (allLinear) {
				final double[] wx = w[0], wy = w[1], wz = w[2];
				final int p0 = base, p1 = base + sy, p2 = base + sz, p3 = base + sz + sy;
				final double l00 = wx[0] * data[p0] + wx[1] * data[p0 + 1];
				final double l01 = wx[0] * data[p1] + wx[1] * data[p1 + 1];
				final double l10 = wx[0] * data[p2] + wx[1] * data[p2 + 1];
				final double l11 = wx[0] * data[p3] + wx[1] * data[p3 + 1];
				return (float) (wz[0] * (wy[0] * l00 + wy[1] * l01) + wz[1] * (wy[0] * l10 + wy[1] * l11));
			}
			if (allCubic) {
				final double[] wx = w[0], wy = w[1], wz = w[2];
				double acc = 0;
				for (int k = 0; k < 4; k++) {
					double plane = 0;
					for (int j = 0; j < 4; j++) {
						final int p = base + k * sz + j * sy;
						plane += wy[j] * (wx[0] * data[p] + wx[1] * data[p + 1] + wx[2] * data[p + 2] + wx[3] * data[p + 3]);
					}
					acc += wz[k] * plane;
				}
				return (float) acc;
			}
			final int kx = orders[0] == 0 ? 1 : orders[0] + 1;
			final int ky = orders[1] == 0 ? 1 : orders[1] + 1;
			final int kz = orders[2] == 0 ? 1 : orders[2] + 1;
			final double[] wx = w[0], wy = w[1], wz = w[2];
			double acc = 0;
			for (int k = 0; k < kz; k++) {
				final int pz = base + k * sz;
				double plane = 0;
				for (int j = 0; j < ky; j++) {
					final int p = pz + j * sy;
					double line = 0;
					for (int i = 0; i < kx; i++) line += wx[i] * data[p + i];
					plane += wy[j] * line;
				}
				acc += wz[k] * plane;
			}
			return (float) acc;
		}

		/** Linear weights of each label's one-hot mask over the 2x2x2 neighbourhood; the heaviest label wins, ties to the lowest. */
		private float labelVote(final int base, final int sy, final int sz) {
			int distinct = 0;
			for (int k = 0; k < 2; k++) {
				for (int j = 0; j < 2; j++) {
					final double wzy = w[2][k] * w[1][j];
					for (int i = 0; i < 2; i++) {
						final double wt = wzy * w[0][i];
						if (wt <= 0) continue;
						final float v = data[base + k * sz + j * sy + i];
						int l = 0;
						while (l < distinct && labels[l] != v) l++;
						if (l == distinct) {
							labels[l] = v;
							weights[l] = 0;
							distinct++;
						}
						weights[l] += wt;
					}
				}
			}
			float best = labels[0];
			double bestWeight = weights[0];
			for (int l = 1; l < distinct; l++) {
				if (weights[l] > bestWeight + TIE || (Math.abs(weights[l] - bestWeight) <= TIE && labels[l] < best)) {
					best = labels[l];
					bestWeight = Math.max(bestWeight, weights[l]);
				}
			}
			return best;
		}

		/** Maps the coordinate by the boundary mode and sets start and weights of axis {@code d}; false if outside (constant mode). */
		private boolean weights(final int d, final double coordinate) {
			double c = coordinate;
			final double r = Math.rint(c);
			if (Math.abs(c - r) < SNAP) c = r;
			final int n = s.n[d];
			switch (mode) {
				case CONSTANT:
					if (!(c >= 0 && c <= n - 1)) return false;
					break;
				case BOX:
					if (!(c >= -0.5 && c <= n - 0.5)) return false;
					if (c < 0) c = 0;
					else if (c > n - 1) c = n - 1;
					break;
				case NEAREST: {
					final int e = s.extension[d];
					if (c < -e) c = -e;
					else if (c > n - 1 + e) c = n - 1 + e;
					else if (c != c) return false;
					break;
				}
				default:
					if (c != c) return false;
					c = mirror(c, n);
			}
			final double[] wd = w[d];
			switch (orders[d]) {
				case 0:
					start[d] = (int) Math.floor(c + 0.5);
					wd[0] = 1;
					return true;
				case 1: {
					final int i = (int) Math.floor(c);
					final double f = c - i;
					start[d] = i;
					wd[0] = 1 - f;
					wd[1] = f;
					return true;
				}
				default: {
					final int i = (int) Math.floor(c);
					start[d] = i - 1;
					CubicBSpline.weights(c - i, wd, 0);
					return true;
				}
			}
		}
	}

	/** Folds a coordinate into {@code [0, n-1]} by whole-sample mirroring. */
	static double mirror(final double c, final int n) {
		if (n == 1) return 0;
		final double period = 2.0 * (n - 1);
		double k = Math.abs(c) % period;
		if (k > n - 1) k = period - k;
		return k;
	}

	/** Copies float results into a new planar image of the input's type (label maps keep their type). */
	@SuppressWarnings({ "unchecked", "rawtypes" })
	static RandomAccessibleInterval<? extends RealType<?>> toTypeOf(final PlanarImg<FloatType, FloatArray> values,
		final RandomAccessibleInterval<? extends RealType<?>> like)
	{
		final Object type = Util.getTypeFromInterval((RandomAccessibleInterval) like);
		if (!(type instanceof NativeType) || type instanceof FloatType) return values;
		final RealType t = (RealType) ((NativeType) type).createVariable();
		final Img<RealType> out = (Img<RealType>) new PlanarImgFactory((NativeType) t).create(values.dimensionsAsLongArray());
		Parallelization.getTaskExecutor().forEach(PaddedSamples.range((int) values.dimension(2)), z -> {
			final float[] plane = values.getPlane(z).getCurrentStorageArray();
			final Cursor<RealType> c = Views.flatIterable(Views.hyperSlice(out, 2, z)).cursor();
			for (int i = 0; i < plane.length; i++) c.next().setReal(plane[i]);
		});
		return (RandomAccessibleInterval) out;
	}
}
