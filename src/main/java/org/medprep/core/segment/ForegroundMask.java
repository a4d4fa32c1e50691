package org.medprep.core.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.type.numeric.IntegerType;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Util;

import org.medprep.core.Planes;
import org.medprep.core.ValueCounts;
import org.medprep.core.VoxelSelection;

/**
 * Foreground masks (0 = background, 1 = foreground) of 3D images.
 * <p>
 * The premask is {@code value > threshold}, the threshold by default Otsu's
 * (as scikit-image's {@code threshold_otsu}: one histogram bin per integer
 * value for images of an integer type, else 256 bins over [min, max], threshold =
 * the centre of the last bin of the lower class). Then either the study's row
 * fill, or the largest connected component in 3D with 6-connectivity (faces
 * only; ties go to the component met first in x, y, z scan order) followed by
 * filling holes slice by slice in 2D (background not 4-connected to the slice
 * border), because sagittal MR slices are where a closed cavity shows; a 3D
 * fill would miss any hole that opens at the first or last slice.
 */
public final class ForegroundMask {

	private ForegroundMask() {}

	/** The foreground by {@code method}; {@code threshold} NaN means Otsu's. */
	public static PlanarImg<UnsignedByteType, ByteArray> compute(final RandomAccessibleInterval<? extends RealType<?>> image,
		final ForegroundMethod method, final double threshold)
	{
		final double t = Double.isNaN(threshold) ? otsuThreshold(image) : threshold;
		final PlanarImg<UnsignedByteType, ByteArray> premask = threshold(image, t);
		if (method == ForegroundMethod.ROW_FILL) return rowFill(premask);
		return fillHoles(largestComponent(premask));
	}

	/** Otsu's threshold of all voxels (see the class comment). */
	public static double otsuThreshold(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final double[][] distinct = distinctValues(image);
		final double[] v = distinct[0], c = distinct[1];
		if (v.length < 2) throw new IllegalArgumentException("Otsu's threshold needs at least two distinct intensities; the image has " + v.length);
		// scikit-image decides by dtype: integer arrays get one bin per value, float arrays 256 bins
		final boolean integers = Util.getTypeFromInterval(image) instanceof IntegerType;
		if (integers && v[v.length - 1] - v[0] < (1 << 22)) return otsu(v, c); // zero bins do not move the argmax
		final int bins = 256;
		final double min = v[0], max = v[v.length - 1], width = (max - min) / bins;
		final double[] centers = new double[bins], hist = new double[bins];
		for (int b = 0; b < bins; b++) centers[b] = min + (b + 0.5) * width;
		for (int i = 0; i < v.length; i++) hist[Math.min(bins - 1, (int) ((v[i] - min) / width))] += c[i];
		return otsu(centers, hist);
	}

	/**
	 * The image's distinct values, ascending, and their counts: from the counted
	 * stored values of an 8- or 16-bit image (no copy of the voxels), else by
	 * gathering and counting the values.
	 */
	private static double[][] distinctValues(final RandomAccessibleInterval<? extends RealType<?>> image) {
		final Optional<ValueCounts> counted = ValueCounts.of(image, VoxelSelection.all());
		if (!counted.isPresent()) {
			final DistinctValues dv = DistinctValues.of(IntensityClustering.selectedValues(image, VoxelSelection.all()));
			return new double[][] { dv.values(), dv.counts() };
		}
		final ValueCounts vc = counted.get();
		final TreeMap<Double, Double> byValue = new TreeMap<>();
		for (int k = 0; k < vc.size(); k++)
			if (vc.count(k) > 0) byValue.merge(vc.value(k), (double) vc.count(k), Double::sum);
		final double[] values = new double[byValue.size()], counts = new double[byValue.size()];
		int i = 0;
		for (final Map.Entry<Double, Double> e : byValue.entrySet()) {
			values[i] = e.getKey();
			counts[i++] = e.getValue();
		}
		return new double[][] { values, counts };
	}

	/** skimage's Otsu over a histogram: argmax of w1 w2 (m1 - m2)^2, first maximum. */
	static double otsu(final double[] centers, final double[] hist) {
		final int n = centers.length;
		final double[] w1 = new double[n], m1 = new double[n], w2 = new double[n], m2 = new double[n];
		double w = 0, s = 0;
		for (int i = 0; i < n; i++) {
			w += hist[i];
			s += hist[i] * centers[i];
			w1[i] = w;
			m1[i] = s / w;
		}
		w = 0;
		s = 0;
		for (int i = n - 1; i >= 0; i--) {
			w += hist[i];
			s += hist[i] * centers[i];
			w2[i] = w;
			m2[i] = s / w;
		}
		int best = 0;
		double bestVar = -1;
		for (int i = 0; i < n - 1; i++) {
			final double var = w1[i] * w2[i + 1] * (m1[i] - m2[i + 1]) * (m1[i] - m2[i + 1]);
			if (var > bestVar) { bestVar = var; best = i; }
		}
		return centers[best];
	}

	/** 1 where {@code value > threshold}. */
	public static PlanarImg<UnsignedByteType, ByteArray> threshold(final RandomAccessibleInterval<? extends RealType<?>> image, final double threshold) {
		return Planes.toUnsignedBytes(image, (z, in, out) -> {
			for (int i = 0; i < in.length; i++) out[i] = (byte) (in[i] > threshold ? 1 : 0);
		});
	}

	/** Per image row (fixed y and z), 1 from the leftmost to the rightmost non-zero premask pixel. */
	public static PlanarImg<UnsignedByteType, ByteArray> rowFill(final RandomAccessibleInterval<? extends RealType<?>> premask) {
		final int nx = (int) premask.dimension(0), ny = (int) premask.dimension(1);
		return Planes.toUnsignedBytes(premask, (z, in, out) -> {
			for (int y = 0; y < ny; y++) {
				final int o = y * nx;
				int left = -1, right = -1;
				for (int x = 0; x < nx; x++) if (in[o + x] != 0) { left = x; break; }
				if (left < 0) continue;
				for (int x = nx - 1; x >= left; x--) if (in[o + x] != 0) { right = x; break; }
				for (int x = left; x <= right; x++) out[o + x] = 1;
			}
		});
	}

	/** The largest 6-connected component of the non-zero voxels (all zero if there are none). */
	public static PlanarImg<UnsignedByteType, ByteArray> largestComponent(final RandomAccessibleInterval<? extends RealType<?>> mask) {
		final int nx = (int) mask.dimension(0), ny = (int) mask.dimension(1), nz = (int) mask.dimension(2);
		// state per voxel: 0 background, 1 unvisited foreground, 2 visited, 3 in the largest component
		final PlanarImg<UnsignedByteType, ByteArray> state = threshold(mask, 0.0);
		final PlanarImg<UnsignedByteType, ByteArray> out = PlanarImgs.unsignedBytes(nx, ny, nz);
		final List<byte[]> planes = new ArrayList<>(nz);
		for (int z = 0; z < nz; z++) planes.add(state.getPlane(z).getCurrentStorageArray());
		final IntQueue queue = new IntQueue();
		long bestSize = 0, bestSeed = -1;
		for (int z = 0; z < nz; z++) {
			final byte[] p = planes.get(z);
			for (int i = 0; i < p.length; i++) {
				if (p[i] != 1) continue;
				final long seed = (long) z * p.length + i;
				final long size = flood(planes, nx, ny, nz, seed, (byte) 1, (byte) 2, queue);
				if (size > bestSize) { bestSize = size; bestSeed = seed; }
			}
		}
		if (bestSeed < 0) return out;
		flood(planes, nx, ny, nz, bestSeed, (byte) 2, (byte) 3, queue);
		for (int z = 0; z < nz; z++) {
			final byte[] p = planes.get(z), o = out.getPlane(z).getCurrentStorageArray();
			for (int i = 0; i < p.length; i++) if (p[i] == 3) o[i] = 1;
		}
		return out;
	}

	/** Flood fill of 6-connected voxels equal to {@code from}, set to {@code to}; returns the count. */
	private static long flood(final List<byte[]> planes, final int nx, final int ny, final int nz, final long seed, final byte from, final byte to,
		final IntQueue queue)
	{
		final int plane = nx * ny;
		queue.clear();
		planes.get((int) (seed / plane))[(int) (seed % plane)] = to;
		queue.add(seed);
		long count = 0;
		while (!queue.isEmpty()) {
			final long v = queue.poll();
			count++;
			final int z = (int) (v / plane), r = (int) (v % plane), y = r / nx, x = r % nx;
			if (x > 0) visit(planes, z, r - 1, (long) z * plane + r - 1, from, to, queue);
			if (x < nx - 1) visit(planes, z, r + 1, (long) z * plane + r + 1, from, to, queue);
			if (y > 0) visit(planes, z, r - nx, (long) z * plane + r - nx, from, to, queue);
			if (y < ny - 1) visit(planes, z, r + nx, (long) z * plane + r + nx, from, to, queue);
			if (z > 0) visit(planes, z - 1, r, (long) (z - 1) * plane + r, from, to, queue);
			if (z < nz - 1) visit(planes, z + 1, r, (long) (z + 1) * plane + r, from, to, queue);
		}
		return count;
	}

	private static void visit(final List<byte[]> planes, final int z, final int r, final long index, final byte from, final byte to, final IntQueue queue) {
		final byte[] p = planes.get(z);
		if (p[r] != from) return;
		p[r] = to;
		queue.add(index);
	}

	/** Fills, slice by slice, background regions not 4-connected to the slice border. */
	public static PlanarImg<UnsignedByteType, ByteArray> fillHoles(final RandomAccessibleInterval<? extends RealType<?>> mask) {
		final int nx = (int) mask.dimension(0), ny = (int) mask.dimension(1);
		return Planes.toUnsignedBytes(mask, (z, in, out) -> {
			// out: 0 unknown background, 2 background reached from the border; then holes (0) become 1
			for (int i = 0; i < in.length; i++) out[i] = (byte) (in[i] != 0 ? 1 : 0);
			final int[] stack = new int[in.length];
			int top = 0;
			for (int x = 0; x < nx; x++) {
				top = push(out, x, stack, top);
				top = push(out, (ny - 1) * nx + x, stack, top);
			}
			for (int y = 0; y < ny; y++) {
				top = push(out, y * nx, stack, top);
				top = push(out, y * nx + nx - 1, stack, top);
			}
			while (top > 0) {
				final int i = stack[--top];
				final int x = i % nx, y = i / nx;
				if (x > 0) top = push(out, i - 1, stack, top);
				if (x < nx - 1) top = push(out, i + 1, stack, top);
				if (y > 0) top = push(out, i - nx, stack, top);
				if (y < ny - 1) top = push(out, i + nx, stack, top);
			}
			for (int i = 0; i < out.length; i++) out[i] = (byte) (out[i] == 2 ? 0 : 1);
		});
	}

	private static int push(final byte[] state, final int i, final int[] stack, final int top) {
		if (state[i] != 0) return top;
		state[i] = 2;
		stack[top] = i;
		return top + 1;
	}

	/** A growable FIFO of voxel indices. */
	private static final class IntQueue {
		private long[] data = new long[1024];
		private int head, tail;

		void clear() { head = tail = 0; }
		boolean isEmpty() { return head == tail; }
		long poll() { return data[head++]; }

		void add(final long v) {
			if (tail == data.length) {
				if (head > data.length / 2) {
					System.arraycopy(data, head, data, 0, tail - head);
					tail -= head;
					head = 0;
				}
				else data = java.util.Arrays.copyOf(data, data.length * 2);
			}
			data[tail++] = v;
		}
	}

}
