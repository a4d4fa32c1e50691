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
 * boundary mode, and B-spline coefficients for cubic interpolation), except
 * for axis-aligned linear maps, which read float planes where they lie and
 * share their work between neighbouring voxels ({@link SeparableLinear}); the
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

	static final double SNAP = 1e-9;
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
		final int nx = (int) target.size(0), ny = (int) target.size(1), nz = (int) target.size(2);
		final boolean label = sampling.interpolation() == Interpolation.LABEL;
		// an axis-aligned map (resampling to a spacing, resizing, flips, shifts) reads x from x alone, y from y, z from z
		if (field == null && boundList.isEmpty() && !label && orders[0] == 1 && orders[1] == 1 && orders[2] == 1 && m[0][1] == 0 && m[0][2] == 0
			&& m[1][0] == 0 && m[1][2] == 0 && m[2][0] == 0 && m[2][1] == 0)
			return SeparableLinear.of(input, m, sampling, nx, ny, nz).resample();
		final PaddedSamples samples = PaddedSamples.of(input, orders, sampling.boundary());
		// a displacement of the output point moves the input point by the pull-back's linear part
		final double[][] fieldToIndex = source.indexToPhysical().inverse().after(pullBack).matrix();
		final FusedResampling.Bound[] bounds = boundList.toArray(new FusedResampling.Bound[0]);
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(nx, ny, nz);
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
			final double c = onAxis(coordinate, s.n[d], s.extension[d], mode);
			if (c != c) return false;
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

	/**
	 * A continuous index along an axis of {@code n} voxels, snapped to a whole
	 * index within 1e-9 and mapped by the boundary mode (clamped, mirrored); NaN
	 * where the constant modes fill and for NaN. {@code extension}: how far
	 * beyond the ends the nearest mode lets an index go (cubic B-splines).
	 */
	static double onAxis(final double coordinate, final int n, final int extension, final BoundaryMode mode) {
		double c = coordinate;
		final double r = Math.rint(c);
		if (Math.abs(c - r) < SNAP) c = r;
		switch (mode) {
			case CONSTANT:
				return c >= 0 && c <= n - 1 ? c : Double.NaN;
			case BOX:
				if (!(c >= -0.5 && c <= n - 0.5)) return Double.NaN;
				return c < 0 ? 0 : c > n - 1 ? n - 1 : c;
			case NEAREST:
				return c < -extension ? -extension : c > n - 1 + extension ? n - 1 + extension : c;
			default:
				return c != c ? c : mirror(c, n);
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
