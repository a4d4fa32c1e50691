package org.medprep.core.fft;

import java.util.List;

import org.medprep.core.Planes;

import net.imglib2.img.basictypeaccess.array.FloatArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.img.planar.PlanarImgs;
import net.imglib2.parallel.Parallelization;
import net.imglib2.type.numeric.real.FloatType;

/**
 * k-space filtering of real volumes along one axis: for every line along
 * {@code axis}, {@code out = Re IDFT( sum_i mask_i(k) DFT(line_i) ) / n}, where
 * volume {@code i} is weighted by its own real mask over the axis'
 * frequencies (unshifted order: index 0 is the DC term).
 * <p>
 * Why lines: when the masks depend on one k-space axis only, the 3D
 * {@code Re(ifftn(mask * fftn(v)))} that TorchIO computes equals this, since
 * the transforms along the other two axes cancel; it costs two 1D transforms
 * per line instead of two 3D ones. Taking the real part of the inverse equals
 * transforming with the masks' even parts {@code (m(k) + m(-k))/2}, which
 * keeps spectra Hermitian, so two real lines travel in one complex transform
 * (one as the real part, one as the imaginary part).
 * <p>
 * Work is split by z plane (axes x, y) or by y row (axis z), every line being
 * computed by the same arithmetic whatever the thread count.
 */
public final class KSpaceLineFilter {

	private KSpaceLineFilter() {}

	/**
	 * @param volumes planes (z index, then x fastest) of equally sized volumes
	 * @param size nx, ny, nz
	 * @param masks one mask per volume, of the axis' length
	 * @throws IllegalArgumentException if sizes or counts do not match
	 */
	public static PlanarImg<FloatType, FloatArray> filter(final List<float[][]> volumes, final int[] size, final int axis, final List<double[]> masks) {
		if (axis < 0 || axis > 2) throw new IllegalArgumentException("axis must be 0, 1 or 2, got " + axis);
		if (volumes.isEmpty() || volumes.size() != masks.size())
			throw new IllegalArgumentException(volumes.size() + " volumes need as many masks, got " + masks.size());
		final int n = size[axis];
		final double[][] even = new double[masks.size()][];
		for (int i = 0; i < even.length; i++) {
			final double[] m = masks.get(i);
			if (m.length != n) throw new IllegalArgumentException("mask " + i + " has " + m.length + " values for an axis of " + n);
			even[i] = new double[n];
			for (int k = 0; k < n; k++) even[i][k] = (m[k] + m[(n - k) % n]) / 2;
		}
		for (final float[][] v : volumes)
			if (v.length != size[2] || v[0].length != size[0] * size[1]) throw new IllegalArgumentException("volume planes do not match the size");
		final int nx = size[0], ny = size[1], nz = size[2];
		final PlanarImg<FloatType, FloatArray> out = PlanarImgs.floats(nx, ny, nz);
		final float[][] outPlanes = new float[nz][];
		for (int z = 0; z < nz; z++) outPlanes[z] = out.getPlane(z).getCurrentStorageArray();
		final ComplexFft prototype = new ComplexFft(n);
		// lines are addressed as plane[z][offset + j * step] for j along the axis
		final int tasks = axis == 2 ? ny : nz;
		final int lines = axis == 0 ? ny : nx;
		Parallelization.getTaskExecutor().forEach(range(tasks), t -> {
			final ComplexFft fft = prototype.copy();
			final double[] re = new double[n], im = new double[n], accRe = new double[n], accIm = new double[n];
			for (int l = 0; l < lines; l += 2) {
				final boolean pair = l + 1 < lines;
				java.util.Arrays.fill(accRe, 0);
				java.util.Arrays.fill(accIm, 0);
				for (int i = 0; i < volumes.size(); i++) {
					gather(volumes.get(i), axis, t, l, nx, n, re);
					if (pair) gather(volumes.get(i), axis, t, l + 1, nx, n, im);
					else java.util.Arrays.fill(im, 0);
					fft.forward(re, im);
					final double[] w = even[i];
					for (int k = 0; k < n; k++) {
						accRe[k] += w[k] * re[k];
						accIm[k] += w[k] * im[k];
					}
				}
				fft.inverse(accRe, accIm);
				scatter(accRe, n, outPlanes, axis, t, l, nx);
				if (pair) scatter(accIm, n, outPlanes, axis, t, l + 1, nx);
			}
		});
		return out;
	}

	/** Line l of task t: along x (t = z, l = y), y (t = z, l = x) or z (t = y, l = x). */
	private static void gather(final float[][] v, final int axis, final int t, final int l, final int nx, final int n, final double[] line) {
		switch (axis) {
			case 0: {
				final float[] p = v[t];
				for (int j = 0, o = l * nx; j < n; j++) line[j] = p[o + j];
				break;
			}
			case 1: {
				final float[] p = v[t];
				for (int j = 0, o = l; j < n; j++, o += nx) line[j] = p[o];
				break;
			}
			default:
				for (int j = 0, o = t * nx + l; j < n; j++) line[j] = v[j][o];
		}
	}

	/** Writes line / n back (the inverse transform's normalisation). */
	private static void scatter(final double[] line, final int n, final float[][] v, final int axis, final int t, final int l, final int nx) {
		final double scale = 1.0 / n;
		switch (axis) {
			case 0: {
				final float[] p = v[t];
				for (int j = 0, o = l * nx; j < n; j++) p[o + j] = (float) (line[j] * scale);
				break;
			}
			case 1: {
				final float[] p = v[t];
				for (int j = 0, o = l; j < n; j++, o += nx) p[o] = (float) (line[j] * scale);
				break;
			}
			default:
				for (int j = 0, o = t * nx + l; j < n; j++) v[j][o] = (float) (line[j] * scale);
		}
	}

	static List<Integer> range(final int n) {
		final List<Integer> r = new java.util.ArrayList<>(n);
		for (int i = 0; i < n; i++) r.add(i);
		return r;
	}

	/** The planes of a float planar image, z first. */
	public static float[][] planes(final PlanarImg<FloatType, FloatArray> img) {
		final float[][] p = new float[(int) img.dimension(2)][];
		for (int z = 0; z < p.length; z++) p[z] = img.getPlane(z).getCurrentStorageArray();
		return p;
	}

	/** The size of a 3D image as ints, checked to fit in planes. */
	public static int[] size(final net.imglib2.Interval image) {
		Planes.planeSize(image);
		return new int[] { (int) image.dimension(0), (int) image.dimension(1), (int) image.dimension(2) };
	}
}
