package org.medprep.core.spatial;

import org.medprep.core.Geometry;
import org.medprep.core.Volume;

import net.imglib2.img.array.ArrayImgs;
import net.imglib2.type.numeric.RealType;
import net.imglib2.type.numeric.real.FloatType;

/**
 * The tutorial's {@code show_mid_slice}: the sagittal, coronal and axial
 * middle slices (index {@code n / 2} along x, y, z) side by side, each
 * resampled bilinearly to square pixels of the smallest spacing so that they
 * show their physical aspect ratio; in the sagittal and coronal panels the
 * last z slice is at the top. Panels are bottom-aligned, separated by
 * {@value #GAP} pixels of the background value. The result is a one-slice
 * float volume (pixel size = the smallest spacing) that any host can display or
 * write as PNG.
 */
public final class OrthogonalMidSlices {

	public static final int GAP = 4;

	private OrthogonalMidSlices() {}

	/** @param background value of the gaps and of the space below shorter panels; NaN for the volume's minimum */
	public static Volume<FloatType> of(final Volume<? extends RealType<?>> volume, final double background) {
		final int nx = (int) volume.dimension(0), ny = (int) volume.dimension(1), nz = (int) volume.dimension(2);
		final float[] v = FloatVolumes.read(volume.data());
		double fill = background;
		if (Double.isNaN(fill)) {
			fill = Double.POSITIVE_INFINITY;
			for (final float x : v) fill = Math.min(fill, x);
		}
		final Geometry g = volume.geometry();
		final double unit = Math.min(g.spacing(0), Math.min(g.spacing(1), g.spacing(2)));
		final int wx = pixels(nx, g.spacing(0), unit), wy = pixels(ny, g.spacing(1), unit), wz = pixels(nz, g.spacing(2), unit);
		// panels: sagittal (y across, z up), coronal (x across, z up), axial (x across, y down)
		final int width = wy + wx + wx + 2 * GAP;
		final int height = Math.max(wz, wy);
		final float[] out = new float[width * height];
		java.util.Arrays.fill(out, (float) fill);
		final int[] n = { nx, ny, nz };
		panel(v, n, out, width, height, 0, 1, 2, nx / 2, wy, wz, 0);
		panel(v, n, out, width, height, 1, 0, 2, ny / 2, wx, wz, wy + GAP);
		panel(v, n, out, width, height, 2, 0, 1, nz / 2, wx, wy, wy + GAP + wx + GAP);
		return Volume.of(ArrayImgs.floats(out, width, height, 1), Geometry.of(new double[] { unit, unit, unit }, new double[3]), volume.metadata());
	}

	private static int pixels(final int n, final double spacing, final double unit) {
		return Math.max(1, (int) Math.round(n * spacing / unit));
	}

	/**
	 * One panel: the slice {@code fixedIndex} along {@code fixed}; panel column u
	 * runs along axis {@code across}, row r along {@code down} (reversed for z, so
	 * superior is up). Bottom-aligned at column offset {@code left}.
	 */
	private static void panel(final float[] v, final int[] n, final float[] out, final int width, final int height, final int fixed,
		final int across, final int down, final int fixedIndex, final int w, final int h, final int left)
	{
		final int top = height - h;
		final int[] stride = { 1, n[0], n[0] * n[1] };
		for (int r = 0; r < h; r++) {
			double cd = (r + 0.5) * n[down] / h - 0.5;
			if (down == 2) cd = n[down] - 1 - cd;
			for (int u = 0; u < w; u++) {
				final double ca = (u + 0.5) * n[across] / w - 0.5;
				out[(top + r) * width + left + u] = (float) bilinear(v, stride, n, fixed, fixedIndex, across, ca, down, cd);
			}
		}
	}

	private static double bilinear(final float[] v, final int[] stride, final int[] n, final int fixed, final int fixedIndex, final int a,
		final double ca, final int b, final double cb)
	{
		final double x = Math.max(0, Math.min(n[a] - 1, ca)), y = Math.max(0, Math.min(n[b] - 1, cb));
		final int i = Math.min((int) x, Math.max(0, n[a] - 2)), j = Math.min((int) y, Math.max(0, n[b] - 2));
		final double fx = n[a] > 1 ? x - i : 0, fy = n[b] > 1 ? y - j : 0;
		final int base = fixedIndex * stride[fixed] + i * stride[a] + j * stride[b];
		final int sa = n[a] > 1 ? stride[a] : 0, sb = n[b] > 1 ? stride[b] : 0;
		return (1 - fy) * ((1 - fx) * v[base] + fx * v[base + sa]) + fy * ((1 - fx) * v[base + sb] + fx * v[base + sa + sb]);
	}
}
