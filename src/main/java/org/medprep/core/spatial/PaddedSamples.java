package org.medprep.core.spatial;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.blocks.PrimitiveBlocks;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The input of a resampling as one primitive array with a halo of
 * {@code halo} voxels on every side, holding either the voxel values
 * (nearest, linear, label) or cubic B-spline coefficients along the axes of
 * order 3. The halo is filled according to the boundary mode, so the
 * interpolation loop never tests bounds.
 * <p>
 * Axes are processed one after the other (x, y, z), each line along the axis
 * over the full extent (halo included) of the axes already done: the result is
 * the separable prefilter of the extended signal, as scipy computes it.
 * Lines are independent, so the result does not depend on the thread count.
 */
final class PaddedSamples {

	/** scipy pads this many edge voxels before the cubic prefilter in nearest mode. */
	static final int NEAREST_SPLINE_PAD = 12;

	final float[] data;
	final int[] n;
	final int halo;
	final int px, py, pz;
	/** Clamp margin (beyond [0, n-1]) of coordinates per axis, non-zero only for cubic + nearest. */
	final int[] extension = new int[3];

	private PaddedSamples(final int[] n, final int halo) {
		this.n = n;
		this.halo = halo;
		this.px = n[0] + 2 * halo;
		this.py = n[1] + 2 * halo;
		this.pz = n[2] + 2 * halo;
		final long total = (long) px * py * pz;
		if (total > Integer.MAX_VALUE - 8)
			throw new IllegalArgumentException("volume " + n[0] + "x" + n[1] + "x" + n[2] + " is too large to resample in one array (" + total + " voxels with its border)");
		this.data = new float[(int) total];
	}

	int index(final int x, final int y, final int z) {
		return ((z + halo) * py + (y + halo)) * px + x + halo;
	}

	static PaddedSamples of(final RandomAccessibleInterval<? extends RealType<?>> image, final int[] orders, final BoundaryMode mode) {
		final int[] n = new int[3];
		for (int d = 0; d < 3; d++) {
			if (image.dimension(d) > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("volume too large along " + "xyz".charAt(d));
			n[d] = (int) image.dimension(d);
		}
		int maxExtension = 0;
		for (int d = 0; d < 3; d++)
			if (orders[d] == 3 && mode == BoundaryMode.NEAREST) maxExtension = NEAREST_SPLINE_PAD;
		final PaddedSamples s = new PaddedSamples(n, 2 + maxExtension);
		for (int d = 0; d < 3; d++)
			s.extension[d] = orders[d] == 3 && mode == BoundaryMode.NEAREST ? NEAREST_SPLINE_PAD : 0;
		s.read(image);
		s.processAxisX(orders[0] == 3, mode);
		s.processAxisY(orders[1] == 3, mode);
		s.processAxisZ(orders[2] == 3, mode);
		return s;
	}

	private void read(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final PrimitiveBlocks<FloatType> blocks = FloatVolumes.floatBlocks(image);
		final long[] min = image.minAsLongArray();
		Parallelization.getTaskExecutor().forEach(range(n[2]), z -> {
			final float[] plane = new float[n[0] * n[1]];
			blocks.copy(new long[] { min[0], min[1], min[2] + z }, plane, new int[] { n[0], n[1], 1 });
			for (int y = 0; y < n[1]; y++)
				System.arraycopy(plane, y * n[0], data, index(0, y, z), n[0]);
		});
	}

	/** Lines along x, for the interior y and z. */
	private void processAxisX(final boolean cubic, final BoundaryMode mode) {
		Parallelization.getTaskExecutor().forEach(range(n[2]), z -> {
			final double[] line = new double[px];
			for (int y = 0; y < n[1]; y++) {
				final int start = ((z + halo) * py + y + halo) * px;
				if (!cubic) {
					fillHalo(start, 1, n[0], mode);
					continue;
				}
				for (int i = 0; i < px; i++) line[i] = data[start + i];
				processLine(line, n[0], cubic, mode);
				for (int i = 0; i < px; i++) data[start + i] = (float) line[i];
			}
		});
	}

	/** Lines along y, for all x (halo included) and the interior z. */
	private void processAxisY(final boolean cubic, final BoundaryMode mode) {
		Parallelization.getTaskExecutor().forEach(range(n[2]), z -> {
			final double[] line = new double[py];
			final int planeStart = (z + halo) * py * px;
			for (int x = 0; x < px; x++) {
				if (!cubic) {
					fillHalo(planeStart + x, px, n[1], mode);
					continue;
				}
				for (int i = 0; i < py; i++) line[i] = data[planeStart + i * px + x];
				processLine(line, n[1], cubic, mode);
				for (int i = 0; i < py; i++) data[planeStart + i * px + x] = (float) line[i];
			}
		});
	}

	/** Lines along z, for all x and y; a slab of one y row over all z is gathered first to stay in cache. */
	private void processAxisZ(final boolean cubic, final BoundaryMode mode) {
		if (!cubic) {
			Parallelization.getTaskExecutor().forEach(range(py), y -> {
				for (int x = 0; x < px; x++) fillHalo(y * px + x, px * py, n[2], mode);
			});
			return;
		}
		Parallelization.getTaskExecutor().forEach(range(py), y -> {
			final float[] slab = new float[pz * px];
			for (int z = 0; z < pz; z++) System.arraycopy(data, (z * py + y) * px, slab, z * px, px);
			final double[] line = new double[pz];
			for (int x = 0; x < px; x++) {
				for (int i = 0; i < pz; i++) line[i] = slab[i * px + x];
				processLine(line, n[2], cubic, mode);
				for (int i = 0; i < pz; i++) slab[i * px + x] = (float) line[i];
			}
			for (int z = 0; z < pz; z++) System.arraycopy(slab, z * px, data, (z * py + y) * px, px);
		});
	}

	/** One line: interior at {@code [halo, halo + len)}; prefilters if cubic and fills the halo. */
	private void processLine(final double[] line, final int len, final boolean cubic, final BoundaryMode mode) {
		if (cubic && mode == BoundaryMode.NEAREST) {
			final int pad = NEAREST_SPLINE_PAD;
			for (int i = halo - pad; i < halo; i++) line[i] = line[halo];
			for (int i = halo + len; i < halo + len + pad; i++) line[i] = line[halo + len - 1];
			BSplinePrefilter.reflect(line, halo - pad, len + 2 * pad);
			for (int i = 0; i < halo - pad; i++) line[i] = line[halo - pad];
			for (int i = halo + len + pad; i < line.length; i++) line[i] = line[halo + len + pad - 1];
			return;
		}
		if (cubic) BSplinePrefilter.mirror(line, halo, len);
		for (int i = 0; i < halo; i++) {
			line[halo - 1 - i] = line[halo + source(-1 - i, len, mode)];
			line[halo + len + i] = line[halo + source(len + i, len, mode)];
		}
	}

	/** Fills the halo of one line in place (no prefilter): {@code start} is the first halo element, {@code stride} the step. */
	private void fillHalo(final int start, final int stride, final int len, final BoundaryMode mode) {
		for (int i = 0; i < halo; i++) {
			data[start + (halo - 1 - i) * stride] = data[start + (halo + source(-1 - i, len, mode)) * stride];
			data[start + (halo + len + i) * stride] = data[start + (halo + source(len + i, len, mode)) * stride];
		}
	}

	/** The interior index whose value an out-of-range index {@code j} repeats. */
	static int source(final int j, final int len, final BoundaryMode mode) {
		if (mode == BoundaryMode.NEAREST) return j < 0 ? 0 : len - 1;
		return mirrorIndex(j, len);
	}

	static int mirrorIndex(final int j, final int len) {
		if (len == 1) return 0;
		final int period = 2 * len - 2;
		int k = Math.floorMod(j, period);
		return k < len ? k : period - k;
	}

	static List<Integer> range(final int n) {
		final List<Integer> list = new ArrayList<>(n);
		for (int i = 0; i < n; i++) list.add(i);
		return list;
	}
}
