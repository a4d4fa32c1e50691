package org.medprep.core.segment;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
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
		final int[] size = MaskArrays.size(mask);
		final int[] largest = ConnectedComponents.largest(MaskArrays.nonZero(mask), size, Connectivity.SIX);
		return MaskArrays.toMask(size, i -> largest != null && largest[i] != 0);
	}

	/** Fills, slice by slice, background regions not 4-connected to the slice border. */
	public static PlanarImg<UnsignedByteType, ByteArray> fillHoles(final RandomAccessibleInterval<? extends RealType<?>> mask) {
		final int nx = (int) mask.dimension(0), ny = (int) mask.dimension(1);
		final int[] plane = { nx, ny, 1 };
		return Planes.toUnsignedBytes(mask, (z, in, out) -> {
			final int[] background = new int[in.length];
			for (int i = 0; i < in.length; i++) background[i] = in[i] != 0 ? 0 : 1;
			// 6-connectivity within one slice is 4-connectivity
			final ConnectedComponents cc = ConnectedComponents.ofNonZero(background, plane, Connectivity.SIX);
			final boolean[] open = cc.touchingBorder(plane, false);
			final int[] labels = cc.labels();
			for (int i = 0; i < in.length; i++) out[i] = (byte) (background[i] == 0 || !open[labels[i]] ? 1 : 0);
		});
	}
}
